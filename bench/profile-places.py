#!/usr/bin/env python3
"""Reads the `.stacks.txt` of one measured window written by profile.sh (`perf script`, call chains innermost first) and
says where the CPU went by the outermost frame of ours on the stack: the turn by the kind of activity, the relay's pass,
the store's commit loop, the connector client; samples without a frame of ours by what they were in (SQLite preparing or
running statements, the kernel's file I/O and fsync, the HTTP server, sockets, the runtime's JIT, GC and idle workers).

An async method's caller is not on the stack once the method has awaited: the frame that resumes it is the outermost one
of its own segment. So the chain is cut at the first continuation dispatch from the leaf (a task completing runs its
awaiters' continuations inline) and the outermost frame of ours is looked for in that segment. SQLite's native code has no
frame pointers, so its samples carry no caller: they are split by SQLite's own function instead (preparing a statement
against running one).

    python3 bench/profile-places.py <folder>/c64-lifecycles.stacks.txt
"""
import collections
import importlib.util
import os
import re
import sys

# The samples of a `perf script` listing, as profile-summary.py reads them.
_spec = importlib.util.spec_from_file_location("profile_summary", os.path.join(os.path.dirname(os.path.abspath(__file__)), "profile-summary.py"))
_summary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_summary)
samples = _summary.samples

OURS = re.compile(r"\] (ChatRequests\.[A-Za-z0-9_.`+<>]*?)::([A-Za-z0-9_<>`]+)")
CONTINUATION = re.compile(r"Task::RunContinuations|Task`1::TrySetResult|Task::TrySetResult|RunOrScheduleAction|AsyncTaskMethodBuilder.*SetResult|SetExistingTaskResult")

# SQLite's functions that parse, resolve and generate code for a statement, or free what that built.
PREPARE = re.compile(
    r"^(sqlite3RunParser|yy_\w+|sqlite3GetToken|keywordCode|resolve\w+|sqlite3Where\w+|where\w+|sqlite3Expr\w+|expr\w+|"
    r"sqlite3Select\w*|select\w+|sqlite3Update|sqlite3Insert|sqlite3GenerateConstraintChecks|sqlite3VdbeAdd\w+|"
    r"sqlite3VdbeMakeReady|resolveP2Values|sqlite3Prepare\w*|sqlite3LockAndPrepare|sqlite3StrICmp|findElementWithHash|"
    r"sqlite3FindTable|sqlite3LocateTable\w*|sqlite3VdbeExplain|tokenExpr|sqlite3PExpr|sqlite3SrcList\w+|sqlite3IdList\w+|"
    r"sqlite3Code\w+|sqlite3Finish\w+|sqlite3VdbeChangeP\w+|sqlite3VdbeGoto|sqlite3VdbeResolveLabel|sqlite3Parser\w*|"
    r"sqlite3Fk\w+|sqlite3Trigger\w+|sqlite3BeginTransaction|sqlite3Savepoint|sqlite3OpenTable|sqlite3CompleteInsertion|"
    r"sqlite3AuthCheck|sqlite3IndexAffinityStr|sqlite3TableAffinity|sqlite3VdbeSetColName|sqlite3VdbeSetNumCols|"
    r"sqlite3GetVdbe|sqlite3TableLock|sqlite3CodeVerifySchema|sqlite3ReadSchema|sqlite3MatchEName|sqlite3NameFromToken|"
    r"sqlite3Dequote|sqlite3FunctionSearch|sqlite3FindFunction|sqlite3FindCollSeq|sqlite3GetCollSeq|sqlite3IsRowid|"
    r"sqlite3ColumnIndex|codeAllEqualityTerms|codeEqualityTerm|sqlite3VdbeJumpHere|sqlite3VdbeMakeLabel|sqlite3WalkExpr\w*|"
    r"walkExpr\w*|sqlite3WalkSelect\w*|sqlite3VdbeReusable|sqlite3VdbeClearObject|releaseMemArray|sqlite3VdbeDelete|"
    r"sqlite3_finalize|sqlite3VdbeFinalize|sqlite3DbNNFreeNN|sqlite3DbFreeNN|sqlite3ExprDelete\w*|exprListDeleteNN|"
    r"sqlite3SelectDelete|clearSelect|sqlite3SrcListDelete|sqlite3DeleteTable|freeP4\w*|vdbeFreeOpArray|"
    r"sqlite3ParseObjectReset|sqlite3ExprListDelete|sqlite3IdListDelete|sqlite3\w*Malloc\w*|sqlite3MemMalloc)$")

TURN = r"MessagesEndpoint|TurnHandler|CardActionHandler|MessageHandler|RequestWorkflow|FormsShownLog|Intake"
RELAY = r"InProcessRelay|OutboxProcessor|FulfilmentHandler|TeamsNotifier|ProactiveMessenger|RelaySignal|OutboxEventRunner"

WITHOUT_OURS = [
    ("kernel: fsync (the commits)", r"fsync|fdatasync"),
    ("kernel: SQLite's file reads, writes and locks", r"__libc_pwrite|__libc_pread|fcntl|ftruncate"),
    ("runtime: JIT", r"libclrjit"),
    ("runtime: idle thread-pool workers spinning", r"LowLevelLifoSemaphore|LowLevelSpinWaiter|sched_yield"),
    ("HTTP server (Kestrel)", r"Microsoft\.AspNetCore|Kestrel"),
    ("HttpClient (the connector calls)", r"System\.Net\.Http"),
    ("sockets (loopback TCP)", r"System\.Net\.Sockets|SocketAsyncEngine|__send|__libc_recv|__recv|epoll"),
    ("telemetry and logging", r"Microsoft\.Extensions\.Logging|System\.Diagnostics\.(Metrics|Activity)|OpenTelemetry"),
]


def segment(frames):
    return next((frames[:i] for i, f in enumerate(frames) if CONTINUATION.search(f)), frames)


def turn_kind(text):
    if "MessageHandler" in text or "Intake" in text:
        return "message (intake)"
    actions = [a for a in re.findall(r"CardActionHandler\+?<?(\w+Async)", text) if a not in ("HandleAsync", "RunAsync")]
    if actions:
        return "click, " + actions[-1]
    if "CardActionHandler" in text:
        return "click, the handler's own continuations"
    if "ReadActivityAsync" in text:
        return "reading the activity"
    return "other"


def place(frames):
    text = "\n".join(frames)
    mine = [m for m in map(OURS.search, frames) if m]
    if mine:
        outer = mine[-1].group(1) + "::" + mine[-1].group(2)
        if re.search(TURN, outer):
            return "turn: " + turn_kind(text)
        if re.search(RELAY, outer):
            under = ("the connector client" if "Teams.Connector" in text else "the store" if "Embedded.Storage" in text
                     else "cards" if "ChatRequests.Cards" in text else "its own code")
            return f"relay pass, {under} under it"
        if "SqliteGroupCommit" in outer:
            return "store: the group commit's loop (writes run, commit)"
        if re.search(r"Embedded\.Storage|RequestStoreUpdates", outer):
            return "store: resumed after a read or write"
        if "Teams.Connector" in outer:
            return "connector client, resumed"
        return "ours, other: " + outer
    if "libe_sqlite3" in text:
        found = re.search(r"\s(\S+) \([^)]*libe_sqlite3", text)
        return ("SQLite: preparing statements (parse, code, free)" if found and PREPARE.match(found.group(1))
                else "SQLite: running statements")
    named = next((name for name, pattern in WITHOUT_OURS if re.search(pattern, text)), None)
    if named:
        return named
    if "libcoreclr" in text and not re.search(r"perf-\d+\.map", text):
        return "runtime: GC and native runtime"
    return "other (task plumbing, timers, libc)"


def main():
    counts = collections.Counter(place(segment(frames)) for frames in samples(open(sys.argv[1])))
    total = sum(counts.values())
    for name, n in counts.most_common():
        if n * 1000 >= total:
            print(f"{100.0 * n / total:5.1f}%  {name}")
    print(f"{total} samples")


main()
