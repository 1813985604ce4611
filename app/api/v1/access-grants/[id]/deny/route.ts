import { decideRoute } from '../decide-route';

export const POST = decideRoute('deny');
