import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: Context) {
  const params = await context.params;
  return NextAuth(req as never, { params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
