import NextAuth from 'next-auth';
import { authOptions } from '@/app/_server/auth';

const handler = (req: Request, ctx: unknown) => NextAuth(authOptions())(req, ctx);

export { handler as GET, handler as POST };
