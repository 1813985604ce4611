import { problemDescriber } from '@/components/rule-list/save-problems';

/** Names a save problem after the statement rule and the form field it concerns. */
export const describeProblems = problemDescriber({
  list: 'Rules',
  fields: [
    ['id', 'Id'],
    ['name', 'Name'],
    ['enabled', 'Enabled'],
    ['action', 'Action'],
    ['message', 'Message'],
    ['subject.roles', 'Roles'],
    ['subject.userIds', 'User ids'],
    ['subject.tokenIds', 'Token ids'],
    ['match.kinds', 'Statement kinds'],
    ['match.commands', 'Commands'],
    ['match.tables', 'Tables'],
    ['match.functions', 'Functions'],
    ['match.flags', 'Flags'],
    ['match.pattern', 'Pattern'],
  ],
});
