/*
 * NFSv3 load generator for bench/nfs/compare.sh, on libnfs's raw async RPC API (no server code shared).
 * Mounts EXPORT (MOUNT v3 MNT, RFC 1813 §5.2.1), then keeps DEPTH calls in flight on one TCP connection to
 * the NFS port for SECONDS and prints one JSON line: the workload's figure ("value", in "unit"; "better" says
 * which way is good), ops/s, bytes, and latency p50/p99 in microseconds.
 *
 *   loadgen HOST NFSPORT MOUNTPORT EXPORT WORKLOAD DEPTH SECONDS [LABEL]
 *   WORKLOAD: getattr | lookup | access | create | readdirplus | write | read | randread | null
 *     create       one CREATE GUARDED + one REMOVE, counted as a pair (pairs/s)
 *     readdirplus  full listings of the directory LOADGEN_RDP_DIR (default loadgen.rdp) of LOADGEN_RDP_ENTRIES
 *                  (50000) empty files named f00000, f00001, ... (made beforehand by the caller), READDIRPLUS
 *                  with dircount 8192 and maxcount LOADGEN_RDP_MAXCOUNT (65536), cookie after cookie; DEPTH
 *                  listings run at once; the figure is wall seconds per listing (elapsed / listings)
 *     write        sequential WRITE UNSTABLE of LOADGEN_BLOCK_KB (1024) KiB into a new file of LOADGEN_FILE_MB
 *                  (256) MiB, COMMIT at the end of each pass over the file and at the end (MB/s, 10^6 bytes,
 *                  final COMMIT included); DEPTH writes at successive offsets in flight
 *     read         sequential READ of LOADGEN_BLOCK_KB KiB over loadgen.read (LOADGEN_FILE_MB MiB, made with
 *                  the pattern once per export and kept), wrapping at its end (MB/s)
 *     randread     READ of 4 KiB at random 4 KiB-aligned offsets of loadgen.read (ops/s)
 *     null         NFSPROC3_NULL (ops/s): the RPC round trip alone, the floor under every other figure
 *
 * Every reply is checked, not just counted: GETATTR must return the root's type and fileid; LOOKUP the same
 * handle as the first lookup of the probe file; ACCESS the requested bits; CREATE GUARDED succeeds only if the
 * name was absent (so the previous REMOVE really took effect) and REMOVE only if it is present; every 16th
 * pair per slot also LOOKUPs the name after each step (must be found, then NOENT). A listing must return each
 * expected name exactly once and nothing else; WRITE must take the whole block and every reply of a pass carry
 * the COMMIT's verifier (else the server lost unstable data); the written file is read back whole and checked
 * at the end (not timed); READ data must match the pattern word by word. Any failure: exit 2.
 * Credentials are AUTH_SYS uid/gid 1000 (LOADGEN_UID/LOADGEN_GID), as exports squash root.
 *
 * The data files live on the server's file system and both servers compared read through the same page cache:
 * read and randread measure the server's path (RPC, XDR, its file access), not the disk; write's COMMITs do
 * reach the disk.
 *
 * One file (longer than the house's usual) so that the scripts build it with one gcc line: setup and the
 * synchronous calls first, then one callback per workload, then issue(), which sends a slot's next call.
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

enum workload { W_GETATTR, W_LOOKUP, W_ACCESS, W_CREATE, W_READDIRPLUS, W_WRITE, W_READ, W_RANDREAD, W_NULL };
static const char *const WORKLOADS[] = {"getattr", "lookup", "access", "create", "readdirplus", "write", "read",
                                        "randread", "null"};
/* Steps of one CREATE+REMOVE pair; the LOOKUP steps run on sampled pairs only. */
enum step { S_CREATE, S_LOOKUP_PRESENT, S_REMOVE, S_LOOKUP_ABSENT };
#define PROBE_NAME "loadgen.probe"
#define READ_NAME "loadgen.read"
#define VERIFY_EVERY 16
#define ACCESS_BITS (ACCESS3_READ | ACCESS3_LOOKUP)
#define SMALL_READ 4096

struct slot {
  int index;
  uint64_t started_ns; /* start of the op (pair, listing) being timed */
  uint64_t pairs;
  enum step step;
  char name[64];
  uint64_t offset; /* data workloads: offset of the call in flight */
  int listing;     /* readdirplus: a listing is under way */
  cookie3 cookie;
  char cookieverf[NFS3_COOKIEVERFSIZE];
  uint32_t seen;
  unsigned char *names; /* readdirplus: one bit per expected name */
  char *buf;            /* write: the block being sent */
};

static struct rpc_context *rpc;
static enum workload workload;
static nfs_fh3 root_fh, probe_fh, dir_fh, file_fh;
static uint64_t root_fileid;
static int stopping, in_flight, failed, connected, mounted;
static uint64_t ops, bytes, deadline_ns;
static uint32_t *lat_us;
static size_t lat_len, lat_cap;
/* data workloads */
static uint64_t file_size, block, next_off, write_pass, rng;
static int verf_known, committing;
static char write_verf[NFS3_WRITEVERFSIZE];
/* readdirplus */
static uint32_t rdp_entries, rdp_maxcount;

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

static uint64_t env_u64(const char *name, uint64_t dflt) {
  const char *v = getenv(name);
  return v && *v ? strtoull(v, NULL, 10) : dflt;
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

/* The data pattern: every 8-byte word is a hash of its offset and of the pass that wrote it, so a block read
 * back anywhere is checked without a copy, and a block from another place or pass (a stale page, a misplaced
 * write) fails. */
static uint64_t mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

static void pattern_fill(char *buf, uint64_t offset, size_t len, uint64_t pass) {
  for (size_t i = 0; i + 8 <= len; i += 8) {
    uint64_t w = mix64((offset + i) ^ (pass << 52));
    memcpy(buf + i, &w, 8);
  }
}

/* The first offset in the block that does not match, or -1. */
static long pattern_check(const char *buf, uint64_t offset, size_t len, uint64_t pass) {
  for (size_t i = 0; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, buf + i, 8);
    if (w != mix64((offset + i) ^ (pass << 52))) return (long)i;
  }
  return -1;
}

static uint64_t next_random(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
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
  fail("%s: RPC failed: %s", what, status == RPC_STATUS_ERROR ? (char *)data
                                   : status == RPC_STATUS_TIMEOUT ? "timed out" : "cancelled (connection lost)");
  return 0;
}

/* ---- synchronous calls for setup and the final read-back: one at a time, results in `sr` ---- */
static struct {
  int done;
  nfsstat3 status;
  nfs_fh3 fh;
  int have_fh;
  uint64_t size;
  uint32_t count;
  char verf[NFS3_WRITEVERFSIZE];
  uint64_t read_off, read_pass; /* what a READ must return */
} sr;

static void s_status_cb(struct rpc_context *r, int status, void *data, void *priv) {
  (void)r; (void)priv;
  if (check_rpc(status, data, (const char *)priv)) sr.status = *(nfsstat3 *)data; /* every res starts with it */
  sr.done = 1;
}

static void s_lookup_cb(struct rpc_context *r, int status, void *data, void *priv) {
  LOOKUP3res *res = data;
  (void)r; (void)priv;
  if (check_rpc(status, data, "LOOKUP")) {
    sr.status = res->status;
    if (res->status == NFS3_OK) {
      LOOKUP3resok *ok = &res->LOOKUP3res_u.resok;
      fh_copy(&sr.fh, ok->object.data.data_val, ok->object.data.data_len);
      sr.have_fh = 1;
      sr.size = ok->obj_attributes.attributes_follow ? ok->obj_attributes.post_op_attr_u.attributes.size : 0;
    }
  }
  sr.done = 1;
}

static void s_write_cb(struct rpc_context *r, int status, void *data, void *priv) {
  WRITE3res *res = data;
  (void)r; (void)priv;
  if (check_rpc(status, data, "WRITE")) {
    sr.status = res->status;
    if (res->status == NFS3_OK) {
      sr.count = res->WRITE3res_u.resok.count;
      memcpy(sr.verf, res->WRITE3res_u.resok.verf, NFS3_WRITEVERFSIZE);
    }
  }
  sr.done = 1;
}

static void s_commit_cb(struct rpc_context *r, int status, void *data, void *priv) {
  COMMIT3res *res = data;
  (void)r; (void)priv;
  if (check_rpc(status, data, "COMMIT")) {
    sr.status = res->status;
    if (res->status == NFS3_OK) memcpy(sr.verf, res->COMMIT3res_u.resok.verf, NFS3_WRITEVERFSIZE);
  }
  sr.done = 1;
}

static void s_read_cb(struct rpc_context *r, int status, void *data, void *priv) {
  READ3res *res = data;
  (void)r; (void)priv;
  if (check_rpc(status, data, "READ")) {
    sr.status = res->status;
    if (res->status == NFS3_OK) {
      READ3resok *ok = &res->READ3res_u.resok;
      sr.count = ok->count;
      long bad = ok->data.data_len == ok->count ? pattern_check(ok->data.data_val, sr.read_off, ok->count, sr.read_pass) : 0;
      if (bad >= 0) fail("read-back at %" PRIu64 ": data differ at +%ld", sr.read_off, bad);
    }
  }
  sr.done = 1;
}

/* Starts a synchronous call: clears `sr`, then the caller queues the call and waits with sync_wait(). */
static void sync_begin(void) {
  memset(&sr, 0, sizeof sr);
}

static void sync_wait(int queued, const char *what) {
  if (queued != 0) { fprintf(stderr, "loadgen: %s not sent: %s\n", what, rpc_get_error(rpc)); exit(1); }
  wait_for(&sr.done);
}

static nfsstat3 sync_lookup(nfs_fh3 *dir, const char *name) {
  LOOKUP3args a = {.what = {.dir = *dir, .name = (char *)name}};
  sync_begin();
  sync_wait(rpc_nfs3_lookup_async(rpc, s_lookup_cb, &a, NULL), "LOOKUP");
  return sr.status;
}

/* CREATE UNCHECKED with size 0 (truncates a leftover), then the new file's handle by LOOKUP. */
static nfs_fh3 sync_create_file(const char *name) {
  CREATE3args a;
  memset(&a, 0, sizeof a);
  a.where.dir = root_fh;
  a.where.name = (char *)name;
  a.how.mode = UNCHECKED;
  a.how.createhow3_u.obj_attributes.mode.set_it = 1;
  a.how.createhow3_u.obj_attributes.mode.set_mode3_u.mode = 0644;
  a.how.createhow3_u.obj_attributes.size.set_it = 1;
  a.how.createhow3_u.obj_attributes.size.set_size3_u.size = 0;
  sync_begin();
  sync_wait(rpc_nfs3_create_async(rpc, s_status_cb, &a, "CREATE"), "CREATE");
  if (sr.status != NFS3_OK) { fprintf(stderr, "loadgen: CREATE %s: status %d\n", name, sr.status); exit(2); }
  if (sync_lookup(&root_fh, name) != NFS3_OK) { fprintf(stderr, "loadgen: LOOKUP %s: status %d\n", name, sr.status); exit(2); }
  return sr.fh;
}

static void sync_commit(nfs_fh3 *fh, char *verf_out) {
  COMMIT3args a = {.file = *fh, .offset = 0, .count = 0};
  sync_begin();
  sync_wait(rpc_nfs3_commit_async(rpc, s_commit_cb, &a, NULL), "COMMIT");
  if (sr.status != NFS3_OK) { fprintf(stderr, "loadgen: COMMIT: status %d\n", sr.status); exit(2); }
  memcpy(verf_out, sr.verf, NFS3_WRITEVERFSIZE);
}

/* Reads [0, end) back in blocks and checks each against the pass that wrote it: pass_of(offset). */
static void read_back(nfs_fh3 *fh, uint64_t end, uint64_t split, uint64_t pass_before, uint64_t pass_after) {
  for (uint64_t off = 0; off < end && !failed; off += block) {
    uint32_t len = (uint32_t)(end - off < block ? end - off : block);
    READ3args a = {.file = *fh, .offset = off, .count = len};
    sync_begin();
    sr.read_off = off;
    sr.read_pass = off < split ? pass_before : pass_after;
    sync_wait(rpc_nfs3_read_async(rpc, s_read_cb, &a, NULL), "READ");
    if (sr.status != NFS3_OK) { fprintf(stderr, "loadgen: read-back: status %d\n", sr.status); exit(2); }
    if (sr.count != len) { fprintf(stderr, "loadgen: read-back at %" PRIu64 ": %u bytes, not %u\n", off, sr.count, len); exit(2); }
  }
  if (failed) exit(2);
}

/* loadgen.read: made once per export (under a temporary name, renamed when complete), kept for later runs. */
static void prepare_read_file(void) {
  if (sync_lookup(&root_fh, READ_NAME) == NFS3_OK && sr.size == file_size) { file_fh = sr.fh; return; }
  const char *tmp = READ_NAME ".tmp";
  nfs_fh3 fh = sync_create_file(tmp);
  char *buf = malloc(block), verf[NFS3_WRITEVERFSIZE], first[NFS3_WRITEVERFSIZE];
  for (uint64_t off = 0; off < file_size; off += block) {
    pattern_fill(buf, off, block, 0);
    WRITE3args a = {.file = fh, .offset = off, .count = (count3)block, .stable = UNSTABLE,
                    .data = {.data_len = (u_int)block, .data_val = buf}};
    sync_begin();
    sync_wait(rpc_nfs3_write_async(rpc, s_write_cb, &a, NULL), "WRITE");
    if (sr.status != NFS3_OK || sr.count != block) { fprintf(stderr, "loadgen: preparing %s: WRITE status %d count %u\n", tmp, sr.status, sr.count); exit(2); }
    if (off == 0) memcpy(first, sr.verf, sizeof first);
  }
  sync_commit(&fh, verf);
  if (memcmp(verf, first, sizeof verf) != 0) { fprintf(stderr, "loadgen: preparing %s: the write verifier changed\n", tmp); exit(2); }
  free(buf);
  RENAME3args ra = {.from = {.dir = root_fh, .name = (char *)tmp}, .to = {.dir = root_fh, .name = READ_NAME}};
  sync_begin();
  sync_wait(rpc_nfs3_rename_async(rpc, s_status_cb, &ra, "RENAME"), "RENAME");
  if (sr.status != NFS3_OK) { fprintf(stderr, "loadgen: RENAME %s: status %d\n", tmp, sr.status); exit(2); }
  if (sync_lookup(&root_fh, READ_NAME) != NFS3_OK) { fprintf(stderr, "loadgen: LOOKUP %s: status %d\n", READ_NAME, sr.status); exit(2); }
  file_fh = sr.fh;
}

/* ---- the load: DEPTH slots, each issuing its next call when the previous one's reply came ---- */
static void issue(struct slot *s);
static void start_commit(void);

static void done(struct slot *s) {
  in_flight--;
  if (!stopping && now_ns() >= deadline_ns) stopping = 1;
  if (!stopping) issue(s);
  if (workload == W_WRITE && in_flight == 0 && !committing && !failed) start_commit();
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

static void null_cb(struct rpc_context *r, int status, void *data, void *priv) {
  struct slot *s = priv;
  (void)r;
  if (check_rpc(status, data, "NULL")) record(s);
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

/* One page of a listing: every name must be f<5 digits> below the entry count, and new to this listing. */
static void readdirplus_cb(struct rpc_context *r, int status, void *data, void *priv) {
  struct slot *s = priv;
  READDIRPLUS3res *res = data;
  (void)r;
  if (!check_rpc(status, data, "READDIRPLUS")) { done(s); return; }
  if (res->status != NFS3_OK) { fail("READDIRPLUS: status %d", res->status); done(s); return; }
  READDIRPLUS3resok *ok = &res->READDIRPLUS3res_u.resok;
  for (entryplus3 *e = ok->reply.entries; e; e = e->nextentry) {
    s->cookie = e->cookie;
    if (!strcmp(e->name, ".") || !strcmp(e->name, "..")) continue;
    char *end;
    unsigned long i = e->name[0] == 'f' && strlen(e->name) == 6 ? strtoul(e->name + 1, &end, 10) : rdp_entries;
    if (i >= rdp_entries || (s->names[i / 8] & (1u << (i % 8)))) {
      fail("READDIRPLUS: unexpected or repeated name %s", e->name);
      done(s);
      return;
    }
    if (!e->name_handle.handle_follows || !e->name_attributes.attributes_follow) {
      fail("READDIRPLUS: %s came without handle or attributes", e->name);
      done(s);
      return;
    }
    s->names[i / 8] |= (unsigned char)(1u << (i % 8));
    s->seen++;
  }
  memcpy(s->cookieverf, ok->cookieverf, sizeof s->cookieverf);
  if (!ok->reply.eof) { issue(s); return; }
  if (s->seen != rdp_entries) fail("READDIRPLUS: listed %u names, expected %u", s->seen, rdp_entries);
  else record(s);
  s->listing = 0;
  done(s);
}

static void write_cb(struct rpc_context *r, int status, void *data, void *priv) {
  struct slot *s = priv;
  WRITE3res *res = data;
  (void)r;
  if (check_rpc(status, data, "WRITE")) {
    WRITE3resok *ok = &res->WRITE3res_u.resok;
    if (res->status != NFS3_OK) fail("WRITE at %" PRIu64 ": status %d", s->offset, res->status);
    else if (ok->count != block) fail("WRITE at %" PRIu64 ": took %u bytes of %" PRIu64, s->offset, ok->count, block);
    else if (verf_known && memcmp(ok->verf, write_verf, sizeof write_verf) != 0) fail("WRITE: the verifier changed");
    else {
      if (!verf_known) { memcpy(write_verf, ok->verf, sizeof write_verf); verf_known = 1; }
      bytes += block;
      record(s);
    }
  }
  done(s);
}

static struct slot *slots;
static int depth;

/* The end of a pass (or of the run): COMMIT; a verifier other than the WRITEs' means the data were lost. */
static void commit_cb(struct rpc_context *r, int status, void *data, void *priv) {
  COMMIT3res *res = data;
  (void)r; (void)priv;
  in_flight--;
  committing = 0;
  if (!check_rpc(status, data, "COMMIT")) return;
  if (res->status != NFS3_OK) { fail("COMMIT: status %d", res->status); return; }
  if (verf_known && memcmp(res->COMMIT3res_u.resok.verf, write_verf, sizeof write_verf) != 0) {
    fail("COMMIT: verifier differs from the WRITEs' (unstable data lost)");
    return;
  }
  verf_known = 0;
  if (next_off >= file_size) { write_pass++; next_off = 0; }
  if (!stopping && now_ns() >= deadline_ns) stopping = 1;
  if (!stopping)
    for (int i = 0; i < depth; i++) issue(&slots[i]);
}

static void start_commit(void) {
  COMMIT3args a = {.file = file_fh, .offset = 0, .count = 0};
  committing = 1;
  in_flight++;
  if (rpc_nfs3_commit_async(rpc, commit_cb, &a, NULL) != 0) { fail("COMMIT not queued: %s", rpc_get_error(rpc)); in_flight--; }
}

static void read_cb(struct rpc_context *r, int status, void *data, void *priv) {
  struct slot *s = priv;
  READ3res *res = data;
  (void)r;
  if (check_rpc(status, data, "READ")) {
    READ3resok *ok = &res->READ3res_u.resok;
    uint64_t want = workload == W_RANDREAD ? SMALL_READ : (file_size - s->offset < block ? file_size - s->offset : block);
    long bad;
    if (res->status != NFS3_OK) fail("READ at %" PRIu64 ": status %d", s->offset, res->status);
    else if (ok->count != want || ok->data.data_len != want)
      fail("READ at %" PRIu64 ": %u bytes, expected %" PRIu64, s->offset, ok->count, want);
    else if ((bad = pattern_check(ok->data.data_val, s->offset, want, 0)) >= 0)
      fail("READ at %" PRIu64 ": data differ at +%ld", s->offset, bad);
    else { bytes += want; record(s); }
  }
  done(s);
}

/* Sends the slot's next call; a new op (pair, listing) restarts its clock. */
static void issue(struct slot *s) {
  int rc = 0;
  int continuing = (workload == W_CREATE && s->step != S_CREATE) || (workload == W_READDIRPLUS && s->listing);
  if (workload == W_WRITE && (committing || next_off >= file_size)) return; /* the pass ends: parked */
  if (!continuing) { s->started_ns = now_ns(); in_flight++; }
  switch (workload) {
  case W_GETATTR: {
    GETATTR3args a = {.object = root_fh};
    rc = rpc_nfs3_getattr_async(rpc, getattr_cb, &a, s);
    break;
  }
  case W_NULL:
    rc = rpc_nfs3_null_async(rpc, null_cb, s);
    break;
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
  case W_READDIRPLUS: {
    if (!s->listing) {
      s->listing = 1;
      s->cookie = 0;
      s->seen = 0;
      memset(s->cookieverf, 0, sizeof s->cookieverf);
      memset(s->names, 0, rdp_entries / 8 + 1);
    }
    READDIRPLUS3args a;
    memset(&a, 0, sizeof a);
    a.dir = dir_fh;
    a.cookie = s->cookie;
    memcpy(a.cookieverf, s->cookieverf, sizeof a.cookieverf);
    a.dircount = 8192;
    a.maxcount = rdp_maxcount;
    rc = rpc_nfs3_readdirplus_async(rpc, readdirplus_cb, &a, s);
    break;
  }
  case W_WRITE: {
    s->offset = next_off;
    next_off += block;
    pattern_fill(s->buf, s->offset, block, write_pass);
    WRITE3args a = {.file = file_fh, .offset = s->offset, .count = (count3)block, .stable = UNSTABLE,
                    .data = {.data_len = (u_int)block, .data_val = s->buf}};
    rc = rpc_nfs3_write_async(rpc, write_cb, &a, s);
    break;
  }
  case W_READ:
  case W_RANDREAD: {
    uint32_t len = SMALL_READ;
    if (workload == W_READ) {
      if (next_off >= file_size) next_off = 0;
      s->offset = next_off;
      len = (uint32_t)(file_size - s->offset < block ? file_size - s->offset : block);
      next_off += len;
    } else {
      s->offset = (next_random() % (file_size / SMALL_READ)) * SMALL_READ;
    }
    READ3args a = {.file = file_fh, .offset = s->offset, .count = len};
    rc = rpc_nfs3_read_async(rpc, read_cb, &a, s);
    break;
  }
  }
  if (rc != 0) {
    fail("could not queue a call: %s", rpc_get_error(rpc));
    in_flight--; /* the op (or the whole pair) ends here */
  }
}

/* ---- setup ---- */
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
    fprintf(stderr, "usage: loadgen HOST NFSPORT MOUNTPORT EXPORT "
                    "getattr|lookup|access|create|readdirplus|write|read|randread|null DEPTH SECONDS [LABEL]\n");
    return 1;
  }
  const char *host = argv[1], *export = argv[4], *wname = argv[5], *label = argc > 8 ? argv[8] : "";
  int nfs_port = atoi(argv[2]), mount_port = atoi(argv[3]);
  depth = atoi(argv[6]);
  double seconds = atof(argv[7]);
  size_t nw = sizeof WORKLOADS / sizeof *WORKLOADS, w;
  for (w = 0; w < nw && strcmp(wname, WORKLOADS[w]) != 0; w++) {}
  if (w == nw) { fprintf(stderr, "loadgen: unknown workload %s\n", wname); return 1; }
  workload = (enum workload)w;
  if (depth < 1 || depth > 1024 || seconds <= 0) { fprintf(stderr, "loadgen: bad depth or seconds\n"); return 1; }
  file_size = env_u64("LOADGEN_FILE_MB", 256) << 20;
  block = env_u64("LOADGEN_BLOCK_KB", 1024) << 10;
  rdp_entries = (uint32_t)env_u64("LOADGEN_RDP_ENTRIES", 50000);
  rdp_maxcount = (uint32_t)env_u64("LOADGEN_RDP_MAXCOUNT", 65536);
  const char *rdp_dir = getenv("LOADGEN_RDP_DIR") ? getenv("LOADGEN_RDP_DIR") : "loadgen.rdp";
  if (block == 0 || file_size < block || file_size % block || rdp_entries > 100000) {
    fprintf(stderr, "loadgen: LOADGEN_FILE_MB must be a multiple of LOADGEN_BLOCK_KB; at most 100000 entries\n");
    return 1;
  }
  rng = mix64((uint64_t)getpid() ^ now_ns());

  struct rpc_context *m = open_context(host, mount_port, MOUNT_PROGRAM, MOUNT_V3);
  if (rpc_mount3_mnt_async(m, mnt_cb, (char *)export, NULL) != 0) { fprintf(stderr, "loadgen: MNT not sent\n"); return 1; }
  wait_for(&mounted);
  rpc_destroy_context(m);

  open_context(host, nfs_port, NFS_PROGRAM, NFS_V3);
  GETATTR3args ga = {.object = root_fh};
  rpc_nfs3_getattr_async(rpc, setup_getattr_cb, &ga, NULL);
  wait_for(&setup_done);
  char write_name[64];
  snprintf(write_name, sizeof write_name, "loadgen.write.%d", (int)getpid());
  switch (workload) {
  case W_LOOKUP: /* the probe file may be left from an earlier run: UNCHECKED keeps it */
    probe_fh = sync_create_file(PROBE_NAME);
    break;
  case W_READDIRPLUS:
    if (sync_lookup(&root_fh, rdp_dir) != NFS3_OK) { fprintf(stderr, "loadgen: LOOKUP %s: status %d\n", rdp_dir, sr.status); return 2; }
    dir_fh = sr.fh;
    break;
  case W_WRITE:
    file_fh = sync_create_file(write_name);
    break;
  case W_READ:
  case W_RANDREAD:
    prepare_read_file();
    break;
  default:
    break;
  }

  slots = calloc((size_t)depth, sizeof *slots);
  uint64_t start = now_ns();
  deadline_ns = start + (uint64_t)(seconds * 1e9);
  for (int i = 0; i < depth; i++) {
    slots[i].index = i;
    snprintf(slots[i].name, sizeof slots[i].name, "loadgen.%d.%d", (int)getpid(), i);
    if (workload == W_READDIRPLUS) slots[i].names = malloc(rdp_entries / 8 + 1);
    if (workload == W_WRITE) slots[i].buf = malloc(block);
  }
  for (int i = 0; i < depth; i++) issue(&slots[i]);
  /* Listings and the final COMMIT can take long on a slow server; the other calls must end soon. */
  uint64_t grace_ns = (workload == W_READDIRPLUS ? 600 : workload == W_WRITE ? 120 : 10) * 1000000000ull;
  while (in_flight > 0) {
    struct pollfd pfd = {.fd = rpc_get_fd(rpc), .events = rpc_which_events(rpc)};
    if (poll(&pfd, 1, 100) < 0 && errno != EINTR) { perror("poll"); return 1; }
    if (rpc_service(rpc, pfd.revents) < 0) { fail("rpc_service: %s", rpc_get_error(rpc)); break; }
    if (now_ns() > deadline_ns + grace_ns) { fail("%d calls unanswered long after the end", in_flight); break; }
  }
  double elapsed = (double)(now_ns() - start) / 1e9;
  if (workload == W_WRITE && !failed) {
    /* [0, next_off) holds the last pass; the rest of the file the pass before it (if there was one). */
    uint64_t end = write_pass > 0 ? file_size : next_off;
    read_back(&file_fh, end, next_off, write_pass, write_pass - 1);
    REMOVE3args ra = {.object = {.dir = root_fh, .name = write_name}};
    sync_begin();
    sync_wait(rpc_nfs3_remove_async(rpc, s_status_cb, &ra, "REMOVE"), "REMOVE");
  }
  if (ops == 0 && !failed) fail("no operation completed");
  qsort(lat_us, lat_len, sizeof *lat_us, cmp_u32);
  uint32_t p50 = lat_len ? lat_us[lat_len / 2] : 0, p99 = lat_len ? lat_us[(lat_len * 99) / 100] : 0;
  double ops_per_s = ops / elapsed, mb_per_s = bytes / elapsed / 1e6, value = ops_per_s;
  const char *unit = workload == W_CREATE ? "pairs/s" : "ops/s", *better = "higher";
  if (workload == W_WRITE || workload == W_READ) { value = mb_per_s; unit = "MB/s"; }
  if (workload == W_READDIRPLUS) { value = ops ? elapsed / ops : 0; unit = "s/listing"; better = "lower"; }
  printf("{\"label\":\"%s\",\"workload\":\"%s\",\"depth\":%d,\"seconds\":%.2f,\"ops\":%" PRIu64
         ",\"ops_per_s\":%.1f,\"bytes\":%" PRIu64 ",\"mb_per_s\":%.1f,\"value\":%.4f,\"unit\":\"%s\",\"better\":\"%s\""
         ",\"p50_us\":%u,\"p99_us\":%u,\"verified\":%s}\n",
         label, wname, depth, elapsed, ops, ops_per_s, bytes, mb_per_s, value, unit, better, p50, p99,
         failed ? "false" : "true");
  rpc_destroy_context(rpc);
  return failed ? 2 : 0;
}
