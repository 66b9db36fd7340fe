import NextAuth, { AuthError } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIpFrom } from "./lib/client-ip";
import { authenticate } from "./lib/sign-in";

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  logger: {
    // A wrong password is an answer, not a server error; the audit log keeps failed sign-ins.
    error(error) {
      if (!(error instanceof AuthError && error.type === "CredentialsSignin")) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authenticate(credentials, clientIpFrom(request.headers)),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    // lib/session.ts checks these against the database on every request.
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.sessionVersion = token.sessionVersion ?? 0;
      return session;
    },
  },
});
