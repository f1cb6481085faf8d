/* iotest: continuous write+fsync loop with per-operation latency, for measuring stalls (e.g. while a
 * server-side virtual IP moves between nodes). Built static into the kernel-client guest initramfs.
 *
 * usage: iotest [options] FILE DURATION_S
 *   -r BYTES   record size (default 4096); record N is written at offset N*BYTES
 *   -i MS      pause between operations (default 0 = back to back)
 *   -s MS      print a live "STALL" line for every operation slower than MS (default 100)
 *   -x MS      fail (exit 1) if the longest operation took MS or more (default 0 = no limit)
 *   -l PATH    write the per-operation log to PATH at the end (e.g. /dev/ttyS2); default: none
 *   -n TAG     tag stored in every record (default: hostname)
 *   -V         skip the read-back verification
 * One operation = pwrite(record) + fsync(). Records carry "IOREC seq=... tag=..." and a seq-derived fill
 * pattern; at the end the file is re-read (page cache dropped, O_DIRECT) and every record is checked.
 * Output: "IOTEST start ...", live "STALL ..." / "IOERR ..." / "IOPROG ..." lines, then
 *   IOSTAT ops= errors= secs= max_stall_ms= max_stall_seq= max_stall_at_s= max_gap_ms= avg_ms= p50_ms= ...
 *   IOHIST lt1ms= lt2ms= ... ge10s=
 *   IOVERIFY records= ok= bad= unverified=
 * exit 0 = no I/O error, all records verified, stall limit (if any) respected; 1 otherwise; 2 usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct { double t, w_ms, f_ms; int ok; } op_t;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static int cmpd(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }
static unsigned char fillb(unsigned seq, size_t i) { return (unsigned char)(seq * 31u + i * 7u + 1u); }
static size_t hdr(char *buf, size_t rec, unsigned seq, const char *tag) {
  int n = snprintf(buf, rec, "IOREC seq=%010u tag=%s\n", seq, tag);
  return n < 0 ? 0 : (size_t)n >= rec ? rec : (size_t)n;
}
static void mkrec(char *buf, size_t rec, unsigned seq, const char *tag) {
  size_t h = hdr(buf, rec, seq, tag);
  for (size_t i = h; i < rec; i++) buf[i] = (char)fillb(seq, i);
}

int main(int argc, char **argv) {
  size_t rec = 4096; double interval_ms = 0, stall_ms = 100, limit_ms = 0; const char *logpath = NULL;
  char tag[64] = ""; int verify = 1, c;
  while ((c = getopt(argc, argv, "r:i:s:x:l:n:V")) != -1) switch (c) {
    case 'r': rec = strtoul(optarg, 0, 0); break;
    case 'i': interval_ms = atof(optarg); break;
    case 's': stall_ms = atof(optarg); break;
    case 'x': limit_ms = atof(optarg); break;
    case 'l': logpath = optarg; break;
    case 'n': snprintf(tag, sizeof tag, "%s", optarg); break;
    case 'V': verify = 0; break;
    default: return 2;
  }
  if (argc - optind < 2 || rec < 64) { fprintf(stderr, "usage: iotest [-r bytes] [-i ms] [-s ms] [-x ms] [-l log] [-n tag] [-V] FILE DURATION_S\n"); return 2; }
  const char *path = argv[optind]; double dur = atof(argv[optind + 1]);
  if (!tag[0]) gethostname(tag, sizeof tag - 1);
  setvbuf(stdout, NULL, _IOLBF, 0);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) { printf("IOERR open %s: %s\n", path, strerror(errno)); return 1; }
  char *buf; if (posix_memalign((void **)&buf, 4096, rec)) return 1;
  size_t cap = 4096, n = 0; op_t *ops = malloc(cap * sizeof *ops);
  unsigned errors = 0, max_seq = 0; double max_ms = 0, max_at = 0, max_gap = 0, sum = 0;
  printf("IOTEST start file=%s record=%zu duration_s=%.1f interval_ms=%.1f stall_report_ms=%.0f\n", path, rec, dur, interval_ms, stall_ms);
  double t0 = now(), prev_end = t0, next_prog = 5;
  while (now() - t0 < dur) {
    if (n == cap) { cap *= 2; ops = realloc(ops, cap * sizeof *ops); if (!ops) return 1; }
    unsigned seq = (unsigned)n;
    mkrec(buf, rec, seq, tag);
    double a = now();
    ssize_t w = pwrite(fd, buf, rec, (off_t)seq * (off_t)rec);
    int we = errno;
    double b = now();
    int f = fsync(fd);
    int fe = errno;
    double e = now();
    op_t *o = &ops[n++];
    o->t = a - t0; o->w_ms = (b - a) * 1e3; o->f_ms = (e - b) * 1e3; o->ok = (w == (ssize_t)rec && f == 0);
    double tot = o->w_ms + o->f_ms, gap = (e - prev_end) * 1e3;
    prev_end = e; sum += tot;
    if (gap > max_gap) max_gap = gap;
    if (tot > max_ms) { max_ms = tot; max_seq = seq; max_at = o->t; }
    if (!o->ok) {
      errors++;
      printf("IOERR seq=%u at_s=%.3f write=%zd(%s) fsync=%d(%s)\n", seq, o->t, w, w < 0 ? strerror(we) : "ok", f, f ? strerror(fe) : "ok");
      usleep(100000);
    }
    if (tot >= stall_ms) printf("STALL seq=%u at_s=%.3f dur_ms=%.1f write_ms=%.1f fsync_ms=%.1f\n", seq, o->t, tot, o->w_ms, o->f_ms);
    if (e - t0 >= next_prog) { printf("IOPROG t_s=%.0f ops=%zu errors=%u max_ms=%.1f\n", e - t0, n, errors, max_ms); next_prog += 5; }
    if (interval_ms > 0) usleep((useconds_t)(interval_ms * 1000));
  }
  double secs = now() - t0;
  close(fd);

  /* statistics */
  double *d = malloc((n ? n : 1) * sizeof *d);
  static const double edge[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};
  static const char *lbl[] = {"lt1ms", "lt2ms", "lt5ms", "lt10ms", "lt20ms", "lt50ms", "lt100ms", "lt200ms", "lt500ms", "lt1s", "lt2s", "lt5s", "lt10s", "ge10s"};
  unsigned hist[14] = {0};
  for (size_t i = 0; i < n; i++) {
    d[i] = ops[i].w_ms + ops[i].f_ms;
    int k = 0; while (k < 13 && d[i] >= edge[k]) k++;
    hist[k]++;
  }
  qsort(d, n, sizeof *d, cmpd);
#define PCT(p) (n ? d[(size_t)((p) * (n - 1) + 0.5)] : 0.0)
  printf("IOSTAT ops=%zu errors=%u secs=%.2f ops_per_s=%.1f max_stall_ms=%.1f max_stall_seq=%u max_stall_at_s=%.3f max_gap_ms=%.1f avg_ms=%.2f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f\n",
         n, errors, secs, n / (secs > 0 ? secs : 1), max_ms, max_seq, max_at, max_gap, n ? sum / n : 0, PCT(0.5), PCT(0.9), PCT(0.99), PCT(0.999));
  printf("IOHIST");
  for (int k = 0; k < 14; k++) printf(" %s=%u", lbl[k], hist[k]);
  printf("\n");

  /* read back from the server: drop the page cache, then O_DIRECT if the mount allows it */
  unsigned okc = 0, bad = 0, unv = 0;
  if (verify) {
    int dc = open("/proc/sys/vm/drop_caches", O_WRONLY);
    if (dc >= 0) { if (write(dc, "3\n", 2) < 0) {} close(dc); }
    int rfd = open(path, O_RDONLY | O_DIRECT);
    if (rfd < 0) rfd = open(path, O_RDONLY);
    size_t per = (1u << 20) / rec; if (per < 1) per = 1;     /* read ~1 MiB per request */
    char *rb; if (posix_memalign((void **)&rb, 4096, per * rec)) return 1;
    double tv = now();
    for (size_t base = 0; base < n; base += per) {
      size_t cnt = n - base < per ? n - base : per;
      ssize_t r = rfd < 0 ? -1 : pread(rfd, rb, cnt * rec, (off_t)base * (off_t)rec);
      for (size_t j = 0; j < cnt; j++) {
        size_t i = base + j;
        if (!ops[i].ok) { unv++; continue; }
        mkrec(buf, rec, (unsigned)i, tag);
        if (r >= (ssize_t)((j + 1) * rec) && !memcmp(rb + j * rec, buf, rec)) okc++;
        else { if (bad < 5) printf("IOBAD seq=%zu read=%zd head=%.30s\n", i, r, r > (ssize_t)(j * rec) ? rb + j * rec : ""); bad++; }
      }
    }
    if (rfd >= 0) close(rfd);
    printf("IOVERIFY records=%zu ok=%u bad=%u unverified=%u secs=%.2f\n", n, okc, bad, unv, now() - tv);
  }

  if (logpath) {
    FILE *lf = fopen(logpath, "w");
    double tl = now();
    if (lf) {
      fprintf(lf, "# iotest oplog file=%s record=%zu: seq t_start_s write_ms fsync_ms total_ms ok\n", path, rec);
      for (size_t i = 0; i < n; i++)
        fprintf(lf, "%zu %.6f %.3f %.3f %.3f %d\n", i, ops[i].t, ops[i].w_ms, ops[i].f_ms, ops[i].w_ms + ops[i].f_ms, ops[i].ok);
      fprintf(lf, "# end ops=%zu max_stall_ms=%.1f\n", n, max_ms);
      fclose(lf);
      printf("IOLOG %s lines=%zu secs=%.2f\n", logpath, n, now() - tl);
    }
  }
  int fail = errors || bad || (limit_ms > 0 && max_ms >= limit_ms);
  if (limit_ms > 0 && max_ms >= limit_ms) printf("IOLIMIT max_stall_ms=%.1f >= limit %.0f\n", max_ms, limit_ms);
  return fail;
}
