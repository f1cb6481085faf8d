/*
 * NFSv3 load generator for bench/nfs/compare.sh, on libnfs's raw async RPC API (no server code shared).
 * Mounts EXPORT (MOUNT v3 MNT, RFC 1813 §5.2.1), then keeps DEPTH calls in flight on one TCP connection to
 * the NFS port for SECONDS and prints one JSON line: ops/s and latency p50/p99 in microseconds.
 *
 *   loadgen HOST NFSPORT MOUNTPORT EXPORT WORKLOAD DEPTH SECONDS [LABEL]
 *   WORKLOAD: getattr | lookup | access | create   (create = one CREATE GUARDED + one REMOVE, counted as a pair)
 *
 * Every reply is checked, not just counted: GETATTR must return the root's type and fileid; LOOKUP the same
 * handle as the first lookup of the probe file; ACCESS the requested bits; CREATE GUARDED succeeds only if the
 * name was absent (so the previous REMOVE really took effect) and REMOVE only if it is present; every 16th
 * pair per slot also LOOKUPs the name after each step (must be found, then NOENT). Any failure: exit 2.
 * Credentials are AUTH_SYS uid/gid 1000 (LOADGEN_UID/LOADGEN_GID), as exports squash root.
 */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <nfsc/libnfs.h>
#include <nfsc/libnfs-raw.h>
#include <nfsc/libnfs-raw-mount.h>
#include <nfsc/libnfs-raw-nfs.h>

enum workload { W_GETATTR, W_LOOKUP, W_ACCESS, W_CREATE };
/* Steps of one CREATE+REMOVE pair; the LOOKUP steps run on sampled pairs only. */
enum step { S_CREATE, S_LOOKUP_PRESENT, S_REMOVE, S_LOOKUP_ABSENT };
#define PROBE_NAME "loadgen.probe"
#define VERIFY_EVERY 16
#define ACCESS_BITS (ACCESS3_READ | ACCESS3_LOOKUP)

struct slot {
  int index;
  uint64_t started_ns; /* start of the op (or pair) being timed */
  uint64_t pairs;
  enum step step;
  char name[64];
};

static struct rpc_context *rpc;
static enum workload workload;
static nfs_fh3 root_fh, probe_fh;
static uint64_t root_fileid;
static int stopping, in_flight, failed, connected, mounted;
static uint64_t ops, deadline_ns;
static uint32_t *lat_us;
static size_t lat_len, lat_cap;

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "loadgen: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  failed = 1;
  stopping = 1;
}

static void record(struct slot *s) {
  uint64_t t = now_ns();
  if (lat_len == lat_cap) {
    lat_cap = lat_cap ? lat_cap * 2 : 1 << 16;
    lat_us = realloc(lat_us, lat_cap * sizeof *lat_us);
    if (!lat_us) { perror("realloc"); exit(1); }
  }
  lat_us[lat_len++] = (uint32_t)((t - s->started_ns) / 1000);
  ops++;
}

static void fh_copy(nfs_fh3 *dst, const char *val, u_int len) {
  dst->data.data_len = len;
  dst->data.data_val = malloc(len ? len : 1);
  memcpy(dst->data.data_val, val, len);
}

/* Drives the event loop until *flag is set or a failure; used for the setup calls. */
static void wait_for(int *flag) {
  while (!*flag && !failed) {
    struct pollfd pfd = {.fd = rpc_get_fd(rpc), .events = rpc_which_events(rpc)};
    if (poll(&pfd, 1, 100) < 0 && errno != EINTR) { perror("poll"); exit(1); }
    if (rpc_service(rpc, pfd.revents) < 0) fail("rpc_service: %s", rpc_get_error(rpc));
  }
  if (failed) exit(2);
}

static int check_rpc(int status, void *data, const char *what) {
  if (status == RPC_STATUS_SUCCESS) return 1;
  fail("%s: RPC failed: %s", what, status == RPC_STATUS_ERROR ? (char *)data : "cancelled");
  return 0;
}

static void issue(struct slot *s);

static void done(struct slot *s) {
  in_flight--;
  if (!stopping && now_ns() >= deadline_ns) stopping = 1;
  if (!stopping) issue(s);
}

static void getattr_cb(struct rpc_context *r, int status, void *data, void *priv) {
  struct slot *s = priv;
  GETATTR3res *res = data;
  (void)r;
  if (check_rpc(status, data, "GETATTR")) {
    if (res->status != NFS3_OK) fail("GETATTR: status %d", res->status);
    else if (res->GETATTR3res_u.resok.obj_attributes.type != NF3DIR ||
             res->GETATTR3res_u.resok.obj_attributes.fileid != root_fileid)
      fail("GETATTR: root came back with another type or fileid");
    else record(s);
  }
  done(s);
}

static void lookup_cb(struct rpc_context *r, int status, void *data, void *priv) {
  struct slot *s = priv;
  LOOKUP3res *res = data;
  (void)r;
  if (check_rpc(status, data, "LOOKUP")) {
    nfs_fh3 *fh = &res->LOOKUP3res_u.resok.object;
    if (res->status != NFS3_OK) fail("LOOKUP: status %d", res->status);
    else if (fh->data.data_len != probe_fh.data.data_len ||
             memcmp(fh->data.data_val, probe_fh.data.data_val, fh->data.data_len) != 0)
      fail("LOOKUP: the probe file came back with another handle");
    else record(s);
  }
  done(s);
}

static void access_cb(struct rpc_context *r, int status, void *data, void *priv) {
  struct slot *s = priv;
  ACCESS3res *res = data;
  (void)r;
  if (check_rpc(status, data, "ACCESS")) {
    if (res->status != NFS3_OK) fail("ACCESS: status %d", res->status);
    else if ((res->ACCESS3res_u.resok.access & ACCESS_BITS) != ACCESS_BITS)
      fail("ACCESS: granted 0x%x, asked 0x%x", res->ACCESS3res_u.resok.access, ACCESS_BITS);
    else record(s);
  }
  done(s);
}

/* One callback for the steps of a pair: checks the reply, then either issues the next step or ends the pair. */
static void pair_cb(struct rpc_context *r, int status, void *data, void *priv) {
  struct slot *s = priv;
  int verify = s->pairs % VERIFY_EVERY == 0;
  (void)r;
  if (!check_rpc(status, data, "CREATE/REMOVE")) { done(s); return; }
  switch (s->step) {
  case S_CREATE: {
    CREATE3res *res = data;
    if (res->status != NFS3_OK) { fail("CREATE %s: status %d", s->name, res->status); break; }
    s->step = verify ? S_LOOKUP_PRESENT : S_REMOVE;
    issue(s);
    return;
  }
  case S_LOOKUP_PRESENT: {
    LOOKUP3res *res = data;
    if (res->status != NFS3_OK) { fail("LOOKUP after CREATE %s: status %d", s->name, res->status); break; }
    s->step = S_REMOVE;
    issue(s);
    return;
  }
  case S_REMOVE: {
    REMOVE3res *res = data;
    if (res->status != NFS3_OK) { fail("REMOVE %s: status %d", s->name, res->status); break; }
    if (verify) { s->step = S_LOOKUP_ABSENT; issue(s); return; }
    break;
  }
  case S_LOOKUP_ABSENT: {
    LOOKUP3res *res = data;
    if (res->status != NFS3ERR_NOENT) { fail("LOOKUP after REMOVE %s: status %d", s->name, res->status); break; }
    break;
  }
  }
  if (!failed) { record(s); s->pairs++; }
  s->step = S_CREATE;
  done(s);
}

/* Sends the slot's next call; a new op (or a pair's first step) restarts its clock. */
static void issue(struct slot *s) {
  int rc = 0;
  int continuing = workload == W_CREATE && s->step != S_CREATE;
  if (!continuing) { s->started_ns = now_ns(); in_flight++; }
  switch (workload) {
  case W_GETATTR: {
    GETATTR3args a = {.object = root_fh};
    rc = rpc_nfs3_getattr_async(rpc, getattr_cb, &a, s);
    break;
  }
  case W_LOOKUP: {
    LOOKUP3args a = {.what = {.dir = root_fh, .name = PROBE_NAME}};
    rc = rpc_nfs3_lookup_async(rpc, lookup_cb, &a, s);
    break;
  }
  case W_ACCESS: {
    ACCESS3args a = {.object = root_fh, .access = ACCESS_BITS};
    rc = rpc_nfs3_access_async(rpc, access_cb, &a, s);
    break;
  }
  case W_CREATE:
    if (s->step == S_CREATE) {
      CREATE3args a;
      memset(&a, 0, sizeof a);
      a.where.dir = root_fh;
      a.where.name = s->name;
      a.how.mode = GUARDED;
      a.how.createhow3_u.obj_attributes.mode.set_it = 1;
      a.how.createhow3_u.obj_attributes.mode.set_mode3_u.mode = 0644;
      rc = rpc_nfs3_create_async(rpc, pair_cb, &a, s);
    } else if (s->step == S_REMOVE) {
      REMOVE3args a = {.object = {.dir = root_fh, .name = s->name}};
      rc = rpc_nfs3_remove_async(rpc, pair_cb, &a, s);
    } else {
      LOOKUP3args a = {.what = {.dir = root_fh, .name = s->name}};
      rc = rpc_nfs3_lookup_async(rpc, pair_cb, &a, s);
    }
    break;
  }
  if (rc != 0) {
    fail("could not queue a call: %s", rpc_get_error(rpc));
    in_flight--; /* the op (or the whole pair) ends here */
  }
}

static void connect_cb(struct rpc_context *r, int status, void *data, void *priv) {
  (void)r; (void)priv;
  if (check_rpc(status, data, "connect")) connected = 1;
}

static void mnt_cb(struct rpc_context *r, int status, void *data, void *priv) {
  mountres3 *res = data;
  (void)r; (void)priv;
  if (!check_rpc(status, data, "MNT")) return;
  if (res->fhs_status != MNT3_OK) { fail("MNT: status %d", res->fhs_status); return; }
  fh_copy(&root_fh, res->mountres3_u.mountinfo.fhandle.fhandle3_val, res->mountres3_u.mountinfo.fhandle.fhandle3_len);
  mounted = 1;
}

static int setup_done;
static void setup_getattr_cb(struct rpc_context *r, int status, void *data, void *priv) {
  GETATTR3res *res = data;
  (void)r; (void)priv;
  if (!check_rpc(status, data, "GETATTR (setup)")) return;
  if (res->status != NFS3_OK) { fail("GETATTR (setup): status %d", res->status); return; }
  root_fileid = res->GETATTR3res_u.resok.obj_attributes.fileid;
  setup_done = 1;
}

static void setup_create_cb(struct rpc_context *r, int status, void *data, void *priv) {
  CREATE3res *res = data;
  (void)r; (void)priv;
  if (!check_rpc(status, data, "CREATE (setup)")) return;
  if (res->status != NFS3_OK) { fail("CREATE %s (setup): status %d", PROBE_NAME, res->status); return; }
  setup_done = 1;
}

static void setup_lookup_cb(struct rpc_context *r, int status, void *data, void *priv) {
  LOOKUP3res *res = data;
  (void)r; (void)priv;
  if (!check_rpc(status, data, "LOOKUP (setup)")) return;
  if (res->status != NFS3_OK) { fail("LOOKUP %s (setup): status %d", PROBE_NAME, res->status); return; }
  fh_copy(&probe_fh, res->LOOKUP3res_u.resok.object.data.data_val, res->LOOKUP3res_u.resok.object.data.data_len);
  setup_done = 1;
}

static struct rpc_context *open_context(const char *host, int port, int program, int version) {
  struct rpc_context *r = rpc_init_context();
  const char *uid = getenv("LOADGEN_UID"), *gid = getenv("LOADGEN_GID");
  if (!r) { fprintf(stderr, "loadgen: no rpc context\n"); exit(1); }
  rpc_set_auth(r, libnfs_authunix_create("loadgen", uid ? atoi(uid) : 1000, gid ? atoi(gid) : 1000, 0, NULL));
  rpc = r;
  connected = 0;
  if (rpc_connect_port_async(r, host, port, program, version, connect_cb, NULL) != 0) {
    fprintf(stderr, "loadgen: connect %s:%d: %s\n", host, port, rpc_get_error(r));
    exit(1);
  }
  wait_for(&connected);
  return r;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 8) {
    fprintf(stderr, "usage: loadgen HOST NFSPORT MOUNTPORT EXPORT getattr|lookup|access|create DEPTH SECONDS [LABEL]\n");
    return 1;
  }
  const char *host = argv[1], *export = argv[4], *wname = argv[5], *label = argc > 8 ? argv[8] : "";
  int nfs_port = atoi(argv[2]), mount_port = atoi(argv[3]), depth = atoi(argv[6]);
  double seconds = atof(argv[7]);
  if (!strcmp(wname, "getattr")) workload = W_GETATTR;
  else if (!strcmp(wname, "lookup")) workload = W_LOOKUP;
  else if (!strcmp(wname, "access")) workload = W_ACCESS;
  else if (!strcmp(wname, "create")) workload = W_CREATE;
  else { fprintf(stderr, "loadgen: unknown workload %s\n", wname); return 1; }
  if (depth < 1 || depth > 1024 || seconds <= 0) { fprintf(stderr, "loadgen: bad depth or seconds\n"); return 1; }

  struct rpc_context *m = open_context(host, mount_port, MOUNT_PROGRAM, MOUNT_V3);
  if (rpc_mount3_mnt_async(m, mnt_cb, (char *)export, NULL) != 0) { fprintf(stderr, "loadgen: MNT not sent\n"); return 1; }
  wait_for(&mounted);
  rpc_destroy_context(m);

  open_context(host, nfs_port, NFS_PROGRAM, NFS_V3);
  GETATTR3args ga = {.object = root_fh};
  rpc_nfs3_getattr_async(rpc, setup_getattr_cb, &ga, NULL);
  wait_for(&setup_done);
  if (workload == W_LOOKUP) {
    /* The probe file may be left from an earlier run: create it UNCHECKED, then remember its handle. */
    CREATE3args ca;
    memset(&ca, 0, sizeof ca);
    ca.where.dir = root_fh;
    ca.where.name = PROBE_NAME;
    ca.how.mode = UNCHECKED;
    setup_done = 0;
    rpc_nfs3_create_async(rpc, setup_create_cb, &ca, NULL);
    wait_for(&setup_done);
    LOOKUP3args la = {.what = {.dir = root_fh, .name = PROBE_NAME}};
    setup_done = 0;
    rpc_nfs3_lookup_async(rpc, setup_lookup_cb, &la, NULL);
    wait_for(&setup_done);
  }

  struct slot *slots = calloc((size_t)depth, sizeof *slots);
  uint64_t start = now_ns();
  deadline_ns = start + (uint64_t)(seconds * 1e9);
  for (int i = 0; i < depth; i++) {
    slots[i].index = i;
    snprintf(slots[i].name, sizeof slots[i].name, "loadgen.%d.%d", (int)getpid(), i);
    issue(&slots[i]);
  }
  while (in_flight > 0) {
    struct pollfd pfd = {.fd = rpc_get_fd(rpc), .events = rpc_which_events(rpc)};
    if (poll(&pfd, 1, 100) < 0 && errno != EINTR) { perror("poll"); return 1; }
    if (rpc_service(rpc, pfd.revents) < 0) { fail("rpc_service: %s", rpc_get_error(rpc)); break; }
    if (now_ns() > deadline_ns + 10000000000ull) { fail("%d calls unanswered 10 s after the end", in_flight); break; }
  }
  double elapsed = (double)(now_ns() - start) / 1e9;
  qsort(lat_us, lat_len, sizeof *lat_us, cmp_u32);
  uint32_t p50 = lat_len ? lat_us[lat_len / 2] : 0, p99 = lat_len ? lat_us[(lat_len * 99) / 100] : 0;
  printf("{\"label\":\"%s\",\"workload\":\"%s\",\"depth\":%d,\"seconds\":%.2f,\"ops\":%" PRIu64
         ",\"ops_per_s\":%.0f,\"p50_us\":%u,\"p99_us\":%u,\"verified\":%s}\n",
         label, wname, depth, elapsed, ops, ops / elapsed, p50, p99, failed ? "false" : "true");
  rpc_destroy_context(rpc);
  return failed ? 2 : 0;
}
