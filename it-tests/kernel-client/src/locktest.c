/* locktest: fcntl() byte-range lock tester for the kernel-client guests (built static into the base initramfs).
 *
 * usage: locktest set|setw|get|hold FILE [SECS [MARKER]]
 *   env LT_TYPE=w|r   lock type (default w = F_WRLCK)
 *       LT_START=N    start offset (default 0)
 *       LT_LEN=N      length (default 0 = to end of file)
 *   set   F_SETLK, then unlock.   exit 0 = granted, 1 = denied or error
 *   setw  F_SETLKW, then unlock.  prints how long it waited. exit 0 = granted, 1 = error
 *   get   F_GETLK.                exit 0 = no conflict (UNLCK), 3 = conflicting lock (printed), 1 = error
 *   hold  F_SETLKW, write MARKER (if given) once locked, hold for SECS seconds (default 10) or until
 *         SIGUSR1/SIGTERM/SIGINT, then unlock. exit 0 = ok
 * Output lines start with "LT ". On NFSv3 F_GETLK reports l_pid = the remote owner's NLM svid (often 0),
 * not a process id.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t released;
static void on_sig(int s) { (void)s; released = 1; }
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static const char *tname(int t) { return t == F_UNLCK ? "UNLCK" : t == F_WRLCK ? "WRLCK" : "RDLCK"; }

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: locktest set|setw|get|hold FILE [SECS [MARKER]]  (env LT_TYPE=w|r LT_START LT_LEN)\n");
    return 2;
  }
  const char *op = argv[1], *path = argv[2];
  const char *ty = getenv("LT_TYPE"), *st = getenv("LT_START"), *ln = getenv("LT_LEN");
  int rd = ty && (ty[0] == 'r' || ty[0] == 'R');
  int fd = open(path, (rd ? O_RDONLY : O_RDWR) | O_CREAT, 0644);
  if (fd < 0 && rd) fd = open(path, O_RDWR | O_CREAT, 0644);
  if (fd < 0) { printf("LT open %s: %s\n", path, strerror(errno)); return 1; }
  struct flock fl;
  memset(&fl, 0, sizeof fl);
  fl.l_type = rd ? F_RDLCK : F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = st ? atoll(st) : 0;
  fl.l_len = ln ? atoll(ln) : 0;
  long long s0 = fl.l_start, l0 = fl.l_len;
  double t0 = now();
  if (!strcmp(op, "get")) {
    if (fcntl(fd, F_GETLK, &fl) < 0) { printf("LT get FAILED: %s\n", strerror(errno)); return 1; }
    if (fl.l_type == F_UNLCK) { printf("LT get %s [%lld,+%lld] type=UNLCK\n", path, s0, l0); return 0; }
    printf("LT get %s [%lld,+%lld] conflict type=%s start=%lld len=%lld pid=%d\n", path, s0, l0, tname(fl.l_type),
           (long long)fl.l_start, (long long)fl.l_len, (int)fl.l_pid);
    return 3;
  }
  int cmd;
  if (!strcmp(op, "set")) cmd = F_SETLK;
  else if (!strcmp(op, "setw") || !strcmp(op, "hold")) cmd = F_SETLKW;
  else { fprintf(stderr, "locktest: unknown op %s\n", op); return 2; }
  if (fcntl(fd, cmd, &fl) < 0) {
    printf("LT %s %s [%lld,+%lld] %s pid=%d FAILED: %s (%.2fs)\n", op, path, s0, l0, tname(fl.l_type), (int)getpid(),
           strerror(errno), now() - t0);
    return 1;
  }
  printf("LT %s %s [%lld,+%lld] %s pid=%d LOCKED after %.2fs\n", op, path, s0, l0, tname(fl.l_type), (int)getpid(),
         now() - t0);
  fflush(stdout);
  if (!strcmp(op, "hold")) {
    signal(SIGUSR1, on_sig); signal(SIGTERM, on_sig); signal(SIGINT, on_sig);
    if (argc > 4) {
      int m = open(argv[4], O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (m >= 0) { dprintf(m, "locked by pid %d\n", (int)getpid()); close(m); }
    }
    double secs = argc > 3 ? atof(argv[3]) : 10, th = now();
    while (!released && now() - th < secs) usleep(20000);
    printf("LT hold released after %.2fs (%s)\n", now() - th, released ? "signal" : "timeout");
  }
  fl.l_type = F_UNLCK;
  if (fcntl(fd, F_SETLK, &fl) < 0) { printf("LT unlock FAILED: %s\n", strerror(errno)); return 1; }
  printf("LT %s pid=%d UNLOCKED\n", op, (int)getpid());
  close(fd);
  return 0;
}
