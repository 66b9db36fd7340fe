import type { NextAuthConfig } from "next-auth";

/** The part of the Auth.js setup that needs no database, shared by proxy.ts and auth.ts. */
export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    // proxy.ts only turns signed-out visitors away; what a signed-in person may do is lib/policy.ts.
    authorized({ auth, request }) {
      if (auth?.user) return true;
      // Return to the path only: lib/safe-redirect refuses anything with an origin.
      const login = new URL("/login", request.nextUrl);
      login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
      return Response.redirect(login);
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.sessionVersion = token.sessionVersion ?? 0;
      return session;
    },
  },
} satisfies NextAuthConfig;
