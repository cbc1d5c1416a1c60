using ChatRequests.Bot.Connector;
using ChatRequests.Cards;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Bot.Notifications;

/// <summary>The notifier port over Teams: approval cards in personal chats, the request card in the team channel, notices to the requester.</summary>
public sealed class TeamsNotifier(ProactiveMessenger messenger, IDirectory directory, RequestCards cards) : INotifier
{
    public Task ShowApprovalCardAsync(ServiceRequest request, PersonRef approver, int stage, CancellationToken cancellationToken = default) =>
        messenger.ShowInPersonalChatAsync(
            approver.Id, $"approval:{request.Id}:{stage}:{approver.Id}", cards.Approval(request, stage, approver), cancellationToken);

    public async Task ShowTeamCardAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var teams = await directory.ListTeamsAsync(cancellationToken);
        var team = teams.FirstOrDefault(t => t.Id == request.TeamId)
            ?? throw new InvalidOperationException($"Team {request.TeamId} of {request.Id} is not in the directory.");
        await messenger.ShowInChannelAsync(team.ChannelId, TeamCardKey(request), cards.TeamCard(request), cancellationToken);
    }

    public Task NotifyRequesterAsync(ServiceRequest request, NoticeKind kind, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        messenger.SendOnceToPersonAsync(
            request.Requester.Id, $"notice:{request.Id}:{cause.Id}", cards.Notice(request, kind, cause), cancellationToken);

    public Task ReplyInTeamThreadAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default)
    {
        var question = request.Question?.Text ?? "";
        var reply = Activity.TextMessage(
            $"**{request.Requester.Name}** answered the question \"{question}\" on {request.Id}:\n\n{cause.Comment}");
        return messenger.ReplyOnceInThreadAsync(TeamCardKey(request), $"reply:{request.Id}:{cause.Id}", reply, cancellationToken);
    }

    private static string TeamCardKey(ServiceRequest request) => $"team:{request.Id}";
}
