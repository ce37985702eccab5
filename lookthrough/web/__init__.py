"""The review pages: server-rendered templates with htmx, no front-end build (`routes.mount`)."""
