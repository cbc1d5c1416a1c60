using System.Collections.Concurrent;
using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;

namespace ChatRequests.PortContracts;

/// <summary>A notifier that records every call and fails when told to, as Teams does when it is down.</summary>
public sealed class RecordingNotifier : INotifier
{
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _hung = new(StringComparer.Ordinal);
    private int _failuresLeft;

    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>Every call fails until set back to false.</summary>
    public bool AlwaysFail { get; set; }

    /// <summary>What a failing call throws (a 502 from Teams unless set).</summary>
    public Func<Exception> Failure { get; set; } = () => new HttpRequestException("Teams answered 502 Bad Gateway");

    /// <summary>
    /// Where approval and team cards go once recorded, by request id (a test's post through a real connector client), so
    /// that what happens on the way to Teams (limits, hangs, 429s) reaches the relay; nowhere unless set.
    /// </summary>
    public Func<string, CancellationToken, Task>? Deliver { get; set; }

    /// <summary>The next <paramref name="count"/> calls fail.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    /// <summary>
    /// Approval and team cards of this request wait (recorded when they start) until <see cref="Release"/> or their
    /// cancellation, as a Teams call that hangs.
    /// </summary>
    public void Hang(string requestId) => _hung[requestId] = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the hung calls of this request finish.</summary>
    public void Release(string requestId)
    {
        if (_hung.TryRemove(requestId, out var gate))
        {
            gate.TrySetResult();
        }
    }

    public Task ShowApprovalCardAsync(ServiceRequest request, PersonRef approver, int stage, CancellationToken cancellationToken = default) =>
        Record($"approval-card {request.Id} stage {stage} for {approver.Name}", request.Id, cancellationToken);

    public Task ShowTeamCardAsync(ServiceRequest request, CancellationToken cancellationToken = default) =>
        Record($"team-card {request.Id}", request.Id, cancellationToken);

    public Task NotifyRequesterAsync(ServiceRequest request, NoticeKind kind, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"notice {request.Id} {kind}");

    public Task ReplyInTeamThreadAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"thread-reply {request.Id}");

    public Task RemindApproverAsync(ServiceRequest request, PersonRef approver, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"reminder {request.Id} for {approver.Name}");

    public Task TellLateApproverAsync(ServiceRequest request, PersonRef approver, int stage, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"timed-out {request.Id} stage {stage} for {approver.Name}");

    public Task WarnTeamAtRiskAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"at-risk {request.Id}");

    public Task EscalateAsync(ServiceRequest request, Escalation escalation, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record(escalation.IsActive ? $"escalation {request.Id}" : $"de-escalation {request.Id} level {escalation.Level}");

    public Task AlertSupplierOverdueAsync(ServiceRequest request, PersonRef assignee, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"supplier-late {request.Id} for {assignee.Name}");
    public Task TellAssigneeAsync(ServiceRequest request, PersonRef assignee, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"assigned {request.Id} to {assignee.Name}");

    public Task ReannounceAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"reannounce {request.Id}");

    public Task SendDigestAsync(PersonRef agent, DateOnly day, AgentDigest digest, CancellationToken cancellationToken = default) =>
        Record($"digest {day:yyyy-MM-dd} for {agent.Name}: {string.Join(",", digest.Overdue.Select(r => r.Id))} overdue; {string.Join(",", digest.DueToday.Select(r => r.Id))} due today");

    public Task TellAssigneeReviewFailedAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"review-failed {request.Id} for {request.Assignee?.Name}");

    public Task TellTeamReceiptOverdueAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"receipt-overdue {request.Id} for {request.Assignee?.Name}");

    public Task RemindReviewersAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        Record($"review-waiting {request.Id}");

    public Task ShowAccessReviewAsync(AccessReview review, PersonRef to, CancellationToken cancellationToken = default) =>
        Record($"access-review {review.Id} for {to.Name}: {review.DecidedCount} of {review.Lines.Count} decided");

    public Task ShowParkedStepAsync(ServiceRequest request, ParkedStep parking, CancellationToken cancellationToken = default) =>
        Record($"parked-card {request.Id} {parking.Id} {parking.EventType} {parking.Outcome}");

    public Task TellAccessReviewAsync(AccessReviewNotice notice, CancellationToken cancellationToken = default) =>
        Record(notice.Kind switch
        {
            AccessReviewNoticeKind.Escalated => $"access-review-escalated {notice.Review.Id} to {notice.Review.EscalatedTo?.Name}",
            AccessReviewNoticeKind.Reminder => $"access-review-reminder {notice.Review.Id} to {notice.Review.Reviewer.Name}: {notice.Review.DecidedCount} of {notice.Review.Lines.Count} decided",
            _ => $"access-{notice.Kind} {notice.Review.Id} line {notice.Line}: {notice.Review.Lines[notice.Line].Grant.Person.Name} {notice.Review.Lines[notice.Line].Grant.GroupName}",
        });

    /// <summary>Waits (in real time) until at least <paramref name="count"/> calls were made.</summary>
    public async Task WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_calls.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} notifier calls, saw {_calls.Count}: {string.Join("; ", _calls)}");
            }

            await Task.Delay(10);
        }
    }

    private async Task Record(string call, string? requestId = null, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue(call);
        if (requestId is not null && _hung.TryGetValue(requestId, out var gate))
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (AlwaysFail || Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw Failure();
        }

        if (requestId is not null && Deliver is { } deliver)
        {
            await deliver(requestId, cancellationToken);
        }
    }
}
