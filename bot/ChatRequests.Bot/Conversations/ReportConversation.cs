using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Charts;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Understanding;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// "report", "report last month", "report for Hardware last quarter": the report card with its charts for those who may
/// see it (<see cref="ReportDesk"/>: in a channel, that team's only), a refusal with no figures for everyone else.
/// </summary>
public sealed class ReportConversation(ReportDesk desk, RequestCards cards)
{
    public async Task<CardMessage> AnswerAsync(TurnContext turn, ReportAsk ask, CancellationToken cancellationToken)
    {
        var channelId = turn.IsChannel ? ConversationIds.ChannelOf(turn.ConversationId) : null;
        var answer = await desk.AnswerAsync(turn.User.Id, ask, channelId, cancellationToken);
        if (answer is not ReportAnswer.Figures figures)
        {
            var refused = (ReportAnswer.Refused)answer;
            return cards.Info(refused.Title, refused.Text, "warning");
        }

        var chart = ReportChart.Render(figures.Report);
        var stages = StageChart.Render(figures.Report);
        return cards.Report(
            figures.Report, figures.Covers, figures.Zone,
            chart is null ? null : (chart.Png, chart.Description), stages is null ? null : (stages.Png, stages.Description));
    }
}
