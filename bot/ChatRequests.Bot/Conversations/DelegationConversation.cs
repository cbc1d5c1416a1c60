using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Core.Approvals;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// "delegate approvals to Grace Liu until 2026-12-31", "delegation off", "who approves for me": an approver's
/// delegation, in the personal chat. Approvals already sent stay where they are; only stages put to the approver from
/// now on go to the delegate (the answer says so).
/// </summary>
public sealed class DelegationConversation(DelegationDesk desk, RequestCards cards)
{
    private const string AlreadySent = "Approvals already sent to you stay with you.";

    public async Task<CardMessage> AnswerAsync(TurnContext turn, DelegationAsk ask, CancellationToken cancellationToken)
    {
        switch (ask.Action)
        {
            case DelegationAction.Set:
                var setting = await desk.SetAsync(turn.User, ask, cancellationToken);
                return setting.Set is { } set ? Set(set) : cards.DelegateChoice(setting.Candidates, setting.LastDay);
            case DelegationAction.Off:
                return await desk.EndAsync(turn.User.Id, cancellationToken) is { } ended
                    ? cards.Info("Delegation off", $"Your approvals come to you again; {ended.Delegate.Name} no longer approves for you. Approvals already sent to {ended.Delegate.Name} stay with them.", "good")
                    : cards.Info("No delegation", "You had no delegation on: your approvals come to you.");
            default:
                return await desk.CurrentAsync(turn.User.Id, cancellationToken) is { } current
                    ? cards.Info("Your delegation", $"{current.Delegate.Name} approves for you until the end of {StandInFinder.LastDay(current.Until)} (UTC). Type 'delegation off' to end it sooner.")
                    : cards.Info("No delegation", "Your approvals come to you. To hand them on while you are away, type for example 'delegate approvals to Grace Liu until 2026-12-31'.");
        }
    }

    /// <summary>The person picked on the choice card (looked up in the directory again by the desk).</summary>
    public async Task<CardMessage> PickAsync(TurnContext turn, string personId, DateOnly lastDay, CancellationToken cancellationToken) =>
        Set(await desk.SetToAsync(turn.User, personId, lastDay, cancellationToken));

    private CardMessage Set(Delegation delegation) => cards.Info(
        "Delegation on",
        $"From now on, approvals for you go to {delegation.Delegate.Name}, who decides on your behalf until the end of {StandInFinder.LastDay(delegation.Until)} (UTC). {AlreadySent} Type 'delegation off' to end it sooner.",
        "good");
}
