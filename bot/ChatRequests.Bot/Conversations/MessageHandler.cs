using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Understanding;
using ChatRequests.Core.Workflow;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// What people type, as the interpreter understands it: a command (help, new request, my requests, approvals, queue, a
/// request number, cancel, delegation, availability, report, a request's history and its verification, an auditor's export or erasure) or a request in their own words. In a team channel everyone there reads the answer, so a
/// channel gets the agents' commands, only its own team's requests, and nobody's personal lists. In the personal chat
/// the conversation counts: words typed while an agent's question waits are offered as its answer, and "cancel" closes
/// the form the bot last sent.
/// </summary>
public sealed class MessageHandler(
    IMessageInterpreter interpreter,
    IntakeConversation intake,
    OpenForms openForms,
    RequestWorkflow workflow,
    RequestCards cards,
    Replier replier,
    IRelaySignal relay,
    DelegationConversation delegation,
    AvailabilityConversation availability,
    RequestFollowUp followUps,
    FormsShownLog formsShown,
    ReportConversation report,
    AuditTrail audit,
    PrivacyConversation privacy,
    ParkedDesk parked,
    RequestLists lists)
{

    private const string ChannelHelp =
        "Here I post your team's requests as cards: use **Assign to me**, **Reassign**, **Set status**, **Ask requester** and **Resolve** on them. " +
        "What you can type here (mention me first):\n\n" +
        "- `@ChatRequests queue`: the open requests of this channel's team\n" +
        "- `@ChatRequests REQ-000042`: the details of one of the team's requests\n" +
        "- `@ChatRequests help`: this list\n" +
        "- `@ChatRequests unavailable` / `available`: whether the team's requests are given to you automatically\n" +
        "- `@ChatRequests report last month`: the team's figures, for its lead\n\n" +
        "Your own requests and approvals stay in our personal chat.";

    private const string HistoryPersonalOnly =
        "I show a request's history, and verify it, only in our personal chat: it may hold the team's internal notes. Write to me there.";

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = MessageText.Clean(turn.Activity.Text);
        if (text.Length == 0)
        {
            var hint = turn.Activity.Value is not null
                ? "That button belongs to an older kind of card I no longer answer. Type 'my requests' to get fresh cards."
                : "I didn't get any text. Tell me what you need in your own words, or type 'help'.";
            await replier.ReplyAsync(turn, hint, cancellationToken);
            return;
        }

        if (text.Length > MessageText.MaxLength)
        {
            await replier.ReplyAsync(turn,
                $"That message is {text.Length} characters long; please keep it under {MessageText.MaxLength} and tell me briefly what you need. Nothing was logged.",
                cancellationToken);
            return;
        }

        var meaning = await interpreter.InterpretAsync(text, cancellationToken);
        if (meaning is { Command: ChatCommand.Export or ChatCommand.Erase, Export: { } export })
        {
            if (await privacy.AnswerAsync(turn, export, cancellationToken))
            {
                return;
            }

            // To anyone but an auditor these words are no command: answered like words that match nothing.
            meaning = new Meaning { Kind = MeaningKind.Unknown };
        }

        if (meaning.Command == ChatCommand.Parked && !await parked.IsLeadAsync(turn.User.Id, cancellationToken))
        {
            // To anyone but a team lead these words are no command: answered like words that match nothing.
            meaning = new Meaning { Kind = MeaningKind.Unknown };
        }

        if (meaning is { Kind: MeaningKind.Command, Command: { } command })
        {
            await CommandAsync(turn, command, meaning, cancellationToken);
            return;
        }

        if (!turn.IsChannel && await OpenQuestionAsync(turn, cancellationToken) is { } asked)
        {
            await replier.ReplyAsync(turn, cards.AnswerOffer(asked, text), cancellationToken);
            return;
        }

        var reply = intake.Answer(meaning, text);
        var activityId = await replier.ReplyAsync(turn, reply.Message, cancellationToken);
        if (reply.FormOf is { } item)
        {
            openForms.Remember(turn.ConversationId, activityId, item);
            await formsShown.RecordAsync(reply.FormKey!, item, turn.User, cancellationToken);
        }
    }

    private async Task CommandAsync(TurnContext turn, ChatCommand command, Meaning meaning, CancellationToken cancellationToken)
    {
        var requestId = meaning.RequestId;
        if (turn.IsChannel && InChannelOnly(command) is { } words)
        {
            await replier.ReplyAsync(turn, words, cancellationToken);
            return;
        }

        if (command == ChatCommand.Cancel && requestId is null)
        {
            await CancelWithoutNumberAsync(turn, cancellationToken);
            return;
        }

        if (meaning.FollowUp && !turn.IsChannel)
        {
            await replier.ReplyAsync(turn, await FollowUpAsync(turn, meaning, cancellationToken), cancellationToken);
            return;
        }

        if (command == ChatCommand.Delegation && meaning.Delegation is { } ask)
        {
            await replier.ReplyAsync(turn, await delegation.AnswerAsync(turn, ask, cancellationToken), cancellationToken);
            return;
        }

        if (command == ChatCommand.Availability && meaning.Available is { } available)
        {
            var availabilityAsk = new AvailabilityAsk(available, meaning.UnavailableUntil);
            await replier.ReplyAsync(turn, await availability.AnswerAsync(turn, availabilityAsk, cancellationToken), cancellationToken);
            return;
        }

        if (command == ChatCommand.Report && meaning.Report is { } reportAsk)
        {
            await replier.ReplyAsync(turn, await report.AnswerAsync(turn, reportAsk, cancellationToken), cancellationToken);
            return;
        }

        await replier.ReplyAsync(turn, await AnswerAsync(turn, command, requestId, cancellationToken), cancellationToken);
    }

    /// <summary>What a channel is answered in words instead of the personal chat's answer, or null.</summary>
    private static string? InChannelOnly(ChatCommand command) => command switch
    {
        ChatCommand.Help => ChannelHelp,
        ChatCommand.MyRequests or ChatCommand.Approvals or ChatCommand.Cancel or ChatCommand.Delegation => RequestLists.ApprovalsPersonalOnly,
        ChatCommand.History or ChatCommand.Verify => HistoryPersonalOnly,
        _ => null,
    };

    private async Task<CardMessage> AnswerAsync(TurnContext turn, ChatCommand command, string? requestId, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case ChatCommand.Help:
                return intake.Help(
                    auditor: await privacy.IsAuditorAsync(turn, cancellationToken), lead: await parked.IsLeadAsync(turn.User.Id, cancellationToken));
            case ChatCommand.Parked:
                return cards.ParkedList(await parked.ListAsync(turn.User.Id, cancellationToken) ?? []);
            case ChatCommand.Browse:
                return intake.Browse();
            case ChatCommand.Approvals:
                return await lists.ApprovalsAsync(turn.User, page: null, cancellationToken);
            case ChatCommand.Queue:
                return await lists.QueueAsync(turn, page: null, cancellationToken);
            case ChatCommand.Cancel:
                var cancelled = await workflow.CancelAsync(requestId!, turn.User, "Cancelled in chat", cancellationToken);
                relay.Wake();
                return cards.Info($"{cancelled.Id} cancelled", $"I cancelled your request for {cancelled.ItemName}. Nothing more will happen with it.", "good");
            case ChatCommand.ShowRequest when requestId is not null:
                var request = turn.IsChannel
                    ? await workflow.GetVisibleInChannelAsync(requestId, turn.User.Id, ConversationIds.ChannelOf(turn.ConversationId), cancellationToken)
                    : await workflow.GetVisibleAsync(requestId, turn.User.Id, cancellationToken);
                return cards.RequestDetail(request, turn.User, everyoneReads: turn.OthersRead);
            case ChatCommand.History when requestId is not null:
                return cards.History(await audit.HistoryAsync(requestId, turn.User.Id, page: null, cancellationToken), turn.User);
            case ChatCommand.Verify when requestId is not null:
                return cards.Verified(requestId, await audit.VerifyAsync(requestId, turn.User.Id, cancellationToken));
            case ChatCommand.ShowRequest when turn.IsChannel:
                return cards.Info("Which request?", "Mention me with its number, for example '@ChatRequests REQ-000042'.");
            default:
                // My requests, or a request asked about without its number ("where is my laptop request").
                return MyRequests(turn, await workflow.MineAsync(turn.User.Id, RequestCards.MaxListed, cancellationToken));
        }
    }

    /// <summary>
    /// "any news?", "any update on REQ-000042", "what's happening with my laptop": on the person's own request that the team
    /// works (the one named, else the only one, or the only one of the item named) a follow-up; otherwise the answer is
    /// the request's details or the list, as without the chasing words.
    /// </summary>
    private async Task<CardMessage> FollowUpAsync(TurnContext turn, Meaning meaning, CancellationToken cancellationToken)
    {
        if (meaning.RequestId is { } requestId)
        {
            var request = await workflow.GetVisibleAsync(requestId, turn.User.Id, cancellationToken);
            return RequestFollowUp.Counts(request, turn.User.Id) ? await ChaseAsync(turn, request, cancellationToken) : cards.RequestDetail(request, turn.User, everyoneReads: turn.OthersRead);
        }

        var mine = await workflow.MineAsync(turn.User.Id, RequestCards.MaxListed, cancellationToken);
        var open = mine.Requests.Where(r => RequestFollowUp.Counts(r, turn.User.Id)).ToList();
        var chased = meaning.Items.Count == 0 ? open : open.Where(r => meaning.Items.Any(i => i.Item.Id == r.CatalogItemId)).ToList();
        return chased.Count == 1 ? await ChaseAsync(turn, chased[0], cancellationToken) : MyRequests(turn, mine);
    }

    private async Task<CardMessage> ChaseAsync(TurnContext turn, ServiceRequest request, CancellationToken cancellationToken)
    {
        var result = await followUps.FollowUpAsync(request, turn.User, cancellationToken);
        if (result.Outcome.Escalated)
        {
            relay.Wake();
        }

        return cards.FollowUpReply(result.Request, result.Outcome);
    }

    /// <summary>"cancel" alone closes the form the bot last sent here; without one, it asks which request.</summary>
    private async Task CancelWithoutNumberAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (openForms.Take(turn.ConversationId) is not { } form)
        {
            await replier.ReplyAsync(turn,
                cards.Info("Which request?", "Tell me the number, for example 'cancel REQ-000042', or type 'my requests' and use the Cancel button."),
                cancellationToken);
            return;
        }

        var closed = cards.Info($"Form closed: {form.ItemName}", "You closed this form; nothing was logged.");
        await replier.UpdateAsync(turn, form.ActivityId, closed, cancellationToken);
        await replier.ReplyAsync(turn, $"OK, I closed the {form.ItemName} form; nothing was logged. Tell me what you need whenever you like.", cancellationToken);
    }

    /// <summary>The person's request whose agent question waits for their answer (the latest asked), if any.</summary>
    private async Task<ServiceRequest?> OpenQuestionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var waiting = await workflow.ListAwaitingMeAsync(turn.User.Id, RequestCards.MaxListed, cancellationToken);
        return waiting
            .Where(r => r.State == RequestState.AwaitingRequester && r.IsRequester(turn.User.Id) && r.Question is { Answer: null })
            .OrderByDescending(r => r.Question!.AskedAt)
            .FirstOrDefault();
    }

    /// <summary>The person's most recent requests, newest first, saying how many they have when that is more.</summary>
    private CardMessage MyRequests(TurnContext turn, RequestPage mine) =>
        cards.RequestList(mine.Requests, "Your requests", "You have no requests yet. Tell me what you need to log one.", turn.User, new ListPart(mine.Total));
}
