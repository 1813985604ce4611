import { problemDescriber } from '@/components/rule-list/save-problems';

/** Names a save problem after the masking rule and the form field it concerns. */
export const describeMaskingProblems = problemDescriber({
  list: 'Masking rules',
  fields: [
    ['match.column', 'Column'],
    ['match.detector', 'Detector'],
    ['match.pattern', 'Pattern'],
    ['match', 'Match'],
    ['strategy.n', 'Characters to keep'],
    ['strategy', 'Strategy'],
    ['exempt.roles', 'Exempt roles'],
    ['exempt.userIds', 'Exempt users'],
    ['exempt.tokenIds', 'Exempt tokens'],
    ['exempt', 'Exemptions'],
    ['strict', 'Strict'],
    ['enabled', 'Enabled'],
    ['name', 'Name'],
    ['id', 'Id'],
  ],
});
