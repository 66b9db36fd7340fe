vcl 4.1;

# Varnish in front of Masthead. Public pages come with Cache-Control (s-maxage) and a
# Surrogate-Key header naming what they show; Masthead purges by those tags when something
# changes, through CACHE_PURGE_URL=http://<varnish>/.masthead-purge (see the README).
# Set the backend to your Masthead instance (or a director over several).

backend masthead {
  .host = "127.0.0.1";
  .port = "3000";
}

# Who may purge: the Masthead instances.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.url == "/.masthead-purge") {
    if (req.method != "POST") {
      return (synth(405, "Purge with POST"));
    }
    if (client.ip !~ purgers) {
      return (synth(403, "Not allowed to purge"));
    }
    if (req.http.Surrogate-Key !~ "^[a-z0-9 -]+$") {
      return (synth(400, "Name the tags in a Surrogate-Key header"));
    }
    # Bans on obj.* only, so the ban lurker clears them in the background. A ban expression is
    # split at spaces, so the pattern names the space between tags as \x20.
    ban("obj.http.Surrogate-Key ~ (^|\x20)(" + regsuball(req.http.Surrogate-Key, " +", "|") + ")(\x20|$)");
    return (synth(200, "Purged"));
  }
  # Masthead tells the client's address to the app from X-Forwarded-For (TRUST_PROXY=1).
  # Pages for one person are never looked up in the cache; the built-in rules also pass any
  # request carrying a cookie (a signed-in editor reading the site) or credentials.
  if (req.url ~ "^/(desk|login|setup|invite|reset|forgot-password|search|preview|unsubscribe|api)(/|\?|$)") {
    return (pass);
  }
}

sub vcl_backend_response {
  # The built-in rules already refuse to keep an answer with Set-Cookie, or marked private or
  # no-store; this only makes sure nothing personal is ever kept by mistake.
  if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store)") {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
  }
}

sub vcl_deliver {
  # Readers' browsers revalidate with the ETag; only shared caches keep pages for long.
  if (obj.hits > 0) {
    set resp.http.X-Cache = "hit";
  } else {
    set resp.http.X-Cache = "miss";
  }
}
