/**
 * Operating a running server: reloading the exports ({@link dev.handoff.server.admin.ExportsAdmin}, on SIGHUP
 * through {@link dev.handoff.server.admin.SignalHooks} or on request), and the admin HTTP API
 * ({@link dev.handoff.server.admin.AdminHttpServer}) that {@code handoff exports} talks to through
 * {@link dev.handoff.server.admin.AdminClient}.
 *
 * <p>The API is JSON over HTTP/1.1 on the JDK's built-in server, bound to loopback by default
 * ({@value dev.handoff.server.admin.AdminEndpoint#DEFAULT}). It has no authentication: whoever can connect
 * can reload and read the exports, which is why it listens on loopback unless told otherwise, and why it
 * refuses requests that carry an {@code Origin} header (a web page in a local browser). Routes:
 * <pre>
 *   GET  /v1/exports          {"exports":[...]}                                   200
 *   POST /v1/exports/reload   {"ok":bool,"errors":[...],"warnings":[...],"exports":[...]}
 *                             200 when the new table is in force, 422 when the old one stays
 * </pre>
 * An export is {@code {"path":"/srv","id":1,"clients":[{"client":"*","options":"rw"}],"line":"/srv *(rw)"}};
 * a problem is {@code {"file":"/etc/exports","line":3,"message":"..."}} (line 0: the whole file).
 */
package dev.handoff.server.admin;
