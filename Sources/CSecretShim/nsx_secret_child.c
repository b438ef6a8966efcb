// A keyring lookup in a forked child process (nsx_secret_lookup_fork).
//
// Why a process and not a thread: libcurl's dozens of libraries load while the lookup
// runs. In one process the two contend (the loader's lock holds up the threads GLib starts,
// and every mapping takes the address space's lock), so the lookup barely overlaps; two
// processes, like `secret-tool lookup … | curl`, do not. The child is a fork, not a new
// program: no second start-up, and the secret only ever crosses a pipe.
//
// A new process starts on its parent's CPU more often than not, and there it waits until
// the parent gives the CPU up; another CPU, idle and asleep, takes long to wake for it (on
// the 2-CPU machines nsx is measured on, 2 ms either way, a tenth of a keyring request).
// So the parent waits until the child says it runs, and then moves off the child's CPU
// (nsx_process_step_aside) to do its own work beside it (docs/BENCHMARKS.md).
#define _GNU_SOURCE
#include "nsx_secret_shim.h"
#include "nsx_secret_state.h"
#include "CProcessShim.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/// What the child writes, followed by `length` bytes of secret.
typedef struct {
    int32_t status;
    int32_t locked;
    NSXSecretError error;
    uint32_t length;
} NSXChildAnswer;

/// What the child writes first, as soon as it runs: the CPU it runs on (-1 if unknown).
typedef struct {
    int32_t cpu;
} NSXChildStarted;

/// The longest secret the pipe carries; nsx's tokens and sessions are far shorter.
enum { NSXChildSecretLimit = 64 * 1024 };

/// How long the parent waits for the child to say it runs before it gets on regardless.
enum { NSXChildStartLimitMs = 1000 };

// MARK: reading the pipe

static int64_t nsx_now_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

enum { NSXReadDone = 0, NSXReadLate = 1, NSXReadEnded = -1, NSXReadFailed = -2 };

/// Reads exactly `length` bytes by `deadline`: done, late, ended (end of file: the child is
/// exiting) or failed (the pipe could not be read; the child may still be running).
static int nsx_read_by(int fd, void *bytes, size_t length, int64_t deadline) {
    char *next = bytes;
    while (length > 0) {
        int64_t left = deadline - nsx_now_ms();
        if (left <= 0) return NSXReadLate;
        struct pollfd waiting = { .fd = fd, .events = POLLIN };
        int ready = poll(&waiting, 1, left > INT32_MAX ? INT32_MAX : (int)left);
        if (ready < 0 && errno == EINTR) continue; // Ctrl-C: the child hears it too
        if (ready < 0) return NSXReadFailed;
        if (ready == 0) continue;
        ssize_t got = read(fd, next, length);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return NSXReadFailed;
        if (got == 0) return NSXReadEnded;
        next += got;
        length -= (size_t)got;
    }
    return NSXReadDone;
}

// MARK: the parent's side of the fork

/// The process's thread count from /proc/self/stat (field 20), or -1 when it cannot be read.
static int nsx_thread_count(void) {
    char buffer[1024];
    int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t length = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    if (length <= 0) return -1;
    buffer[length] = '\0';
    const char *field = strrchr(buffer, ')'); // the command name may hold spaces and parentheses
    if (field == NULL) return -1;
    for (int index = 2; index < 20; index++) { // field 2 ends at ')'; move on to field 20
        field = strchr(field + 1, ' ');
        if (field == NULL) return -1;
    }
    return atoi(field + 1);
}

// MARK: the child

typedef struct {
    char *bytes;
    size_t length;
} NSXChildSecret;

static void nsx_child_receive(const char *secret, size_t length, void *context) {
    NSXChildSecret *copy = context;
    if (length > NSXChildSecretLimit) return;
    copy->bytes = malloc(length + 1); // never malloc(0): an empty secret is still an answer
    if (copy->bytes == NULL) return;
    memcpy(copy->bytes, secret, length);
    copy->length = length;
}

static int nsx_write_all(int fd, const void *bytes, size_t length) {
    const char *next = bytes;
    while (length > 0) {
        ssize_t written = write(fd, next, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return -1;
        next += written;
        length -= (size_t)written;
    }
    return 0;
}

static _Noreturn void nsx_child_run(const char *profile, const char *api_url, int answer_fd, pid_t parent) {
    // Ctrl-C at a terminal reaches the whole process group: let it end the child too. The
    // child also ends with its parent, so an unlock prompt cannot outlive the command.
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
    NSXChildStarted started = { .cpu = sched_getcpu() };
    if (nsx_write_all(answer_fd, &started, sizeof started) != 0) _exit(1);
    // Keep stderr (GLib's warnings) and the answer pipe, as descriptor 3 (the caller keeps
    // 0-2 open, so the pipe is above them). stdin and stdout become /dev/null, so a pipe nsx
    // writes into is not held open by the child, and the rest (the config lock among them)
    // is closed.
    int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null_fd < 0 || dup2(null_fd, STDIN_FILENO) < 0 || dup2(null_fd, STDOUT_FILENO) < 0 || dup2(answer_fd, 3) < 0) _exit(1);
    answer_fd = 3;
    if (close_range(4, ~0U, 0) != 0) { // older kernels, some seccomp profiles
        long limit = sysconf(_SC_OPEN_MAX);
        for (long fd = 4; fd < (limit > 0 && limit < 65536 ? limit : 65536); fd++) close((int)fd);
    }

    NSXChildAnswer answer;
    memset(&answer, 0, sizeof answer);
    NSXChildSecret secret = { NULL, 0 };
    answer.status = nsx_secret_lookup(profile, api_url, nsx_child_receive, &secret, NULL, &answer.error);
    if (answer.status == 1 && secret.bytes == NULL) {
        answer.status = -1;
        answer.error.failed = 1;
        answer.error.domain = NSXSecretErrorDomainOther;
        snprintf(answer.error.message, sizeof answer.error.message, "the secret is larger than nsx accepts");
    } else if (answer.status == 0) {
        NSXSecretError error;
        int locked = nsx_secret_count_locked(profile, api_url, NULL, &error);
        if (locked < 0) {
            answer.status = -1;
            answer.error = error;
        } else {
            answer.locked = locked;
        }
    }
    answer.length = (uint32_t)secret.length;
    int sent = nsx_write_all(answer_fd, &answer, sizeof answer) == 0
        && (secret.length == 0 || nsx_write_all(answer_fd, secret.bytes, secret.length) == 0);
    if (secret.bytes != NULL) {
        explicit_bzero(secret.bytes, secret.length);
        free(secret.bytes);
    }
    // The parent reads up to here; the exit (unmapping GLib and friends) is not its wait.
    close(answer_fd);
    _exit(sent ? 0 : 1);
}

int nsx_secret_lookup_fork(const char *profile, const char *api_url, NSXSecretChild *child) {
    if (nsx_secret_was_opened() || nsx_thread_count() != 1) return EBUSY;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return errno;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int failure = errno;
        close(fds[0]);
        close(fds[1]);
        return failure;
    }
    if (pid == 0) {
        close(fds[0]);
        nsx_child_run(profile, api_url, fds[1], parent);
    }
    close(fds[1]);
    child->pid = pid;
    child->answer_fd = fds[0];
    NSXChildStarted started;
    int outcome = nsx_read_by(fds[0], &started, sizeof started, nsx_now_ms() + NSXChildStartLimitMs);
    if (outcome == NSXReadDone) nsx_process_step_aside(started.cpu);
    // Otherwise the message may still come, ahead of the answer (after the end of the pipe,
    // reading again just finds the end again and reports how the child ended).
    child->start_unread = outcome != NSXReadDone;
    return 0;
}

// MARK: the answer

/// Waits for `pid` to end, through interruptions; its wait status, or -1 when it was not ours.
static int nsx_reap(pid_t pid) {
    int status = 0;
    pid_t reaped;
    do { reaped = waitpid(pid, &status, 0); } while (reaped < 0 && errno == EINTR);
    return reaped == pid ? status : -1;
}

/// Reaps a child that gave no full answer and says how it ended. One that closed the pipe is
/// exiting and is waited for; one that may still be running (`still_running`) is killed
/// first, so this never waits on a lookup.
static void nsx_describe_vanished(pid_t pid, int still_running, NSXSecretError *error) {
    int status = 0;
    pid_t reaped = still_running ? waitpid(pid, &status, WNOHANG) : 0;
    if (still_running && reaped == 0) kill(pid, SIGKILL);
    if (reaped != pid) status = nsx_reap(pid);
    memset(error, 0, sizeof *error);
    error->failed = 1;
    error->domain = NSXSecretErrorDomainOther;
    if (status != -1 && WIFSIGNALED(status)) {
        snprintf(error->message, sizeof error->message,
                 "the keyring lookup (process %d) was ended by signal %d before it answered", (int)pid, WTERMSIG(status));
    } else if (status != -1 && WIFEXITED(status)) {
        snprintf(error->message, sizeof error->message,
                 "the keyring lookup (process %d) exited with status %d before it answered", (int)pid, WEXITSTATUS(status));
    } else {
        snprintf(error->message, sizeof error->message, "the keyring lookup (process %d) did not answer", (int)pid);
    }
}

NSXSecretChildEnding nsx_secret_lookup_finish(NSXSecretChild child, int timeout_ms,
                                              NSXSecretReceiver receiver, void *context,
                                              int *status, int *locked, NSXSecretError *error) {
    int64_t deadline = nsx_now_ms() + (timeout_ms < 0 ? 0 : timeout_ms);
    NSXChildAnswer answer;
    NSXChildStarted started;
    int outcome = child.start_unread ? nsx_read_by(child.answer_fd, &started, sizeof started, deadline) : NSXReadDone;
    if (outcome == NSXReadDone) outcome = nsx_read_by(child.answer_fd, &answer, sizeof answer, deadline);
    char *secret = NULL;
    if (outcome == NSXReadDone && answer.length > 0) {
        secret = answer.length <= NSXChildSecretLimit ? malloc(answer.length) : NULL;
        outcome = secret != NULL ? nsx_read_by(child.answer_fd, secret, answer.length, deadline) : NSXReadFailed;
    }
    close(child.answer_fd);
    if (outcome == NSXReadLate) {
        kill(child.pid, SIGKILL);
        nsx_reap(child.pid);
    } else if (outcome != NSXReadDone) {
        nsx_describe_vanished(child.pid, outcome == NSXReadFailed, error);
    } else {
        *status = answer.status;
        *locked = answer.locked;
        *error = answer.error;
        if (answer.status == 1) receiver(secret != NULL ? secret : "", answer.length, context);
    }
    if (secret != NULL) {
        explicit_bzero(secret, answer.length);
        free(secret);
    }
    explicit_bzero(&answer, sizeof answer);
    if (outcome == NSXReadLate) return NSXSecretChildTimedOut;
    return outcome == NSXReadDone ? NSXSecretChildAnswered : NSXSecretChildVanished;
}

void nsx_secret_child_reap(NSXSecretChild child) {
    nsx_reap(child.pid);
}
