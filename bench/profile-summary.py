#!/usr/bin/env python3
"""Reads `perf script -F comm,tid,time,ip,sym,dso` (with call chains) of one process and one measured window, and
says where its CPU went: per context (the turn itself, the HTTP server around it, the fulfilment worker, idle
spinning of the thread pool, ...), and within the turn and the fulfilment worker per class of ours (the innermost
ChatRequests frame of each sample) and per library the sample was in. Shares are of all samples in the window."""
import collections
import re
import sys

# Context: the first rule matching any frame of the sample, in this order.
CONTEXTS = [
    ("fulfilment worker (relay, outbox, notifier)", r"InProcessRelay|OutboxProcessor|OutboxEventRunner"),
    ("SLA sweeper", r"SlaSweeper"),
    ("GET /health", r"HealthEndpoint"),
    ("turn (POST /api/messages endpoint)", r"MessagesEndpoint|EchoBot::HandleAsync|EchoBot\+<HandleAsync>"),
    ("HTTP server around it (Kestrel, middleware)", r"Microsoft\.AspNetCore\.|Kestrel"),
    ("thread pool: idle workers spinning", r"LowLevelLifoSemaphore::Wait|LowLevelSpinWaiter"),
    ("socket engine (epoll thread)", r"SocketAsyncEngine|epoll_wait"),
    ("timers (rate limiter heartbeat, ...)", r"TimerQueue|Heartbeat"),
    ("thread pool: other", r"ThreadPoolWorkQueue::Dispatch|PortableThreadPool"),
    # Native frames without frame pointers end the call chain, so these are not tied to a caller.
    ("SQLite native code and its file I/O (caller not known)", r"libe_sqlite3|__libc_pread|__libc_pwrite|fcntl|fsync|fdatasync|blk_mq|iowrite16"),
    ("thread pool: idle workers spinning", r"sched_yield"),
    ("kernel: loopback TCP (caller not known)", r"tcp_v4_rcv|net_rx_action|tcp_sendmsg|sock_recvmsg|__sys_recvfrom|__sys_sendto|__send|__recv"),
]

LIBRARIES = [
    ("SQLite", r"Microsoft\.Data\.Sqlite|libe_sqlite3|SQLitePCL"),
    ("System.Text.Json", r"System\.Text\.Json|System\.Text\.Encodings"),
    ("HttpClient", r"System\.Net\.Http"),
    ("Polly / rate limiter", r"Polly|RateLimiting"),
    ("logging", r"Microsoft\.Extensions\.Logging"),
    ("LINQ / collections", r"System\.Linq|System\.Collections"),
    ("regex", r"RegularExpressions"),
    ("kernel", r"\[kernel\.kallsyms\]"),
    ("runtime (GC, allocation, stubs)", r"libcoreclr|JIT_|stub "),
    ("libc", r"libc\.so"),
]

OURS = re.compile(r"\[(ChatRequests\.[A-Za-z.]+)\] ChatRequests\.[A-Za-z.]*?\.([A-Za-z0-9_`]+)(?:[+:]|$)")


def samples(lines):
    frames = None
    for line in lines:
        if not line.strip():
            if frames is not None:
                yield frames
            frames = None
        elif not line.startswith((" ", "\t")):
            frames = []
        elif frames is not None:
            frames.append(line.strip())
    if frames is not None:
        yield frames


def first(rules, text):
    return next((name for name, pattern in rules if re.search(pattern, text)), None)


def main():
    total = 0
    contexts = collections.Counter()
    ours = collections.defaultdict(collections.Counter)
    libraries = collections.defaultdict(collections.Counter)
    for frames in samples(sys.stdin):
        total += 1
        context = first(CONTEXTS, "\n".join(frames)) or ("runtime, no managed frame (GC, JIT...)" if frames and "libcoreclr" in frames[0] else "other")
        contexts[context] += 1
        leaf = frames[0] if frames else ""
        libraries[context][first(LIBRARIES, leaf) or ("our code" if "[ChatRequests." in leaf else "other")] += 1
        mine = next((m for m in map(OURS.search, frames) if m), None)
        ours[context][mine.group(2) if mine else "(none of ours)"] += 1

    if total == 0:
        print("no samples")
        return
    pct = lambda n: f"{100.0 * n / total:5.1f}%"
    print(f"{total} samples")
    for context, n in contexts.most_common():
        print(f"{pct(n)}  {context}")
        if n * 50 < total or not context.startswith(("turn", "fulfilment")):
            continue
        print("         innermost class of ours: " + ", ".join(f"{k} {100.0 * v / total:.1f}%" for k, v in ours[context].most_common(12) if v * 200 >= total))
        print("         in library:              " + ", ".join(f"{k} {100.0 * v / total:.1f}%" for k, v in libraries[context].most_common(10) if v * 200 >= total))


if __name__ == "__main__":
    main()
