/**
 * Operating a running server: reloading the exports ({@link dev.handoff.server.admin.ExportsAdmin}, on SIGHUP
 * through {@link dev.handoff.server.admin.SignalHooks} or on request), the cluster's status and the operator's
 * moves (a {@link dev.handoff.cluster.failover.ClusterControl}; {@link dev.handoff.server.admin.StandaloneControl}
 * without a cluster), and the admin HTTP API ({@link dev.handoff.server.admin.AdminHttpServer}) that
 * {@code handoff exports}, {@code status}, {@code vip}, {@code node}, {@code clients} and {@code locks} talk to
 * through {@link dev.handoff.server.admin.AdminClient}.
 *
 * <p>The API is JSON over HTTP/1.1 on the JDK's built-in server, bound to loopback by default
 * ({@value dev.handoff.server.admin.AdminEndpoint#DEFAULT}). It has no authentication: whoever can connect
 * can reload and read the exports and move addresses, which is why it listens on loopback unless told
 * otherwise, and why it refuses requests that carry an {@code Origin} header (a web page in a local browser).
 * Routes:
 * <pre>
 *   GET  /v1/exports                  {"exports":[...]}                                   200
 *   POST /v1/exports/reload           {"ok":bool,"errors":[...],"warnings":[...],"exports":[...]}
 *                                     200 when the new table is in force, 422 when the old one stays
 *   GET  /v1/status                   ClusterStatus, its records as they are              200
 *   POST /v1/vips/{vip}/move?to=NODE  {"accepted":bool,"message":"..."}                   202 accepted, 409 refused
 *   POST /v1/nodes/{node}/drain       the same                                            202 accepted, 409 refused
 *   POST /v1/nodes/{node}/undrain     the same                                            202 accepted, 409 refused
 *   GET  /v1/clients                  {"clients":[{"client":"192.0.2.7","names":[...],"mounts":[...],
 *                                     "connections":[...],"locks":N,"firstLocks":[...]}],"locksError":null} 200
 *   GET  /v1/locks?limit=N            {"files":F,"total":T,"blocked":B,"shares":S,"limit":N,"locks":[...]}
 *                                     200; 400 for a limit outside 1..10000, 503 when the lock table is unreadable
 * </pre>
 * An export is {@code {"path":"/srv","id":1,"clients":[{"client":"*","options":"rw"}],"line":"/srv *(rw)"}};
 * a problem is {@code {"file":"/etc/exports","line":3,"message":"..."}} (line 0: the whole file).
 *
 * <p>Names in paths and queries are percent-encoded ({@code 10.0.3.100%2F24}). Errors answer
 * {@code {"error":"..."}}: 400 for a missing {@code to} or an oversize name, 404 for an unknown path, 405 (with
 * {@code Allow}) for a wrong method, 500 when the server failed. A request the cluster cannot carry out (an
 * unknown VIP or node, no quorum, a draining target) is the control's to refuse: 409 with its reason, which the
 * CLI prints.
 */
package dev.handoff.server.admin;
