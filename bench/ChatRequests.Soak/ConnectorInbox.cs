using System.Text.Json.Nodes;
using ChatRequests.Cards;
using ChatRequests.Testing;

namespace ChatRequests.Soak;

/// <summary>What a message is, as the person who gets it reads it.</summary>
public enum MessageKind
{
    /// <summary>The request form, answered in the requester's chat (a turn's reply).</summary>
    Form,
    ApprovalCard,
    TeamCard,
    ApprovedNotice,
    AssignedNotice,
    /// <summary>"Resolved: is it working?", with the buttons to confirm and rate.</summary>
    ResolvedNotice,
    /// <summary>Any other card about a request in a personal chat.</summary>
    OtherNotice,
    /// <summary>A reply in a team card's thread.</summary>
    ThreadReply,
}

/// <summary>One message the bot posted (a new activity, not an update), as Teams accepted it.</summary>
/// <param name="Label">What duplicates are counted by: the kind, and for other notices their title.</param>
/// <param name="AnsweredAfter">How long Teams took to answer the post (a hung call: longer than the bot waited).</param>
/// <param name="Title">What the reader sees first: the card's first text.</param>
public sealed record PostedMessage(
    string? RequestId,
    MessageKind Kind,
    string Label,
    string ConversationId,
    string ActivityId,
    JsonObject Card,
    string Title,
    DateTimeOffset At,
    TimeSpan AnsweredAfter);

/// <summary>
/// Everything the bot posted and updated through the loopback Teams connector, read once, as lifecycles look, and indexed by
/// request number, kind and conversation, so that many lifecycles can wait for their cards without each scanning every chat.
/// </summary>
public sealed class ConnectorInbox(FakeTeamsConnector connector)
{
    // What a requester reads at the top of a notice: its title (cards/ChatRequests.Cards, RequestCards.Requester.cs).
    private static readonly Dictionary<string, (MessageKind Kind, string Label)> NoticeTitles = new(StringComparer.Ordinal)
    {
        ["Approved"] = (MessageKind.ApprovedNotice, "approved notice"),
        ["Someone is on it"] = (MessageKind.AssignedNotice, "assigned notice"),
        ["Resolved: is it working?"] = (MessageKind.ResolvedNotice, "resolved notice"),
    };

    private readonly object _gate = new();
    private readonly List<PostedMessage> _posts = [];
    private readonly Dictionary<string, List<PostedMessage>> _byRequest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PostedMessage>> _formsByConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _currentCards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _chatMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _requesterChats = new(StringComparer.Ordinal);
    private int _read;

    public IReadOnlyList<PostedMessage> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts.Select(Classified)];
            }
        }
    }

    /// <summary>Tells whose request it is: messages about it in that chat are the requester's notices.</summary>
    public void Requested(string requestId, string requesterChatId)
    {
        lock (_gate)
        {
            _requesterChats[requestId] = requesterChatId;
        }
    }

    /// <summary>Reads every request the connector received since the last look.</summary>
    public void ReadNew()
    {
        lock (_gate)
        {
            var requests = connector.RequestsSince(_read);
            foreach (var request in requests)
            {
                Read(request);
            }

            _read += requests.Count;
        }
    }

    public IReadOnlyList<PostedMessage> PostsOf(string requestId)
    {
        lock (_gate)
        {
            return _byRequest.TryGetValue(requestId, out var posts) ? [.. posts.Select(Classified)] : [];
        }
    }

    public int FormsIn(string conversationId)
    {
        lock (_gate)
        {
            return _formsByConversation.TryGetValue(conversationId, out var forms) ? forms.Count : 0;
        }
    }

    /// <summary>The card of a posted message as it shows now (the last successful update applied).</summary>
    public JsonObject CurrentCard(PostedMessage post)
    {
        lock (_gate)
        {
            return _currentCards.TryGetValue(post.ActivityId, out var card) ? card : post.Card;
        }
    }

    /// <summary>The person of a personal chat (by Entra object id): the bot created it with them, or they wrote in it.</summary>
    public string? MemberOf(string conversationId)
    {
        lock (_gate)
        {
            return _chatMembers.TryGetValue(conversationId, out var member) ? member
                : conversationId.StartsWith(ChatPrefix, StringComparison.Ordinal) ? conversationId[ChatPrefix.Length..] : null;
        }
    }

    /// <summary>Waits until <paramref name="probe"/> finds something, looking again whenever the connector receives a request; null after <paramref name="timeout"/>.</summary>
    public async Task<T?> WaitForAsync<T>(Func<ConnectorInbox, T?> probe, TimeSpan timeout)
        where T : class
    {
        try
        {
            return await connector.WaitForAsync(
                _ =>
                {
                    ReadNew();
                    return probe(this);
                },
                timeout);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>The form posted in the chat after the first <paramref name="skip"/> forms there.</summary>
    public PostedMessage? FormAfter(string conversationId, int skip)
    {
        lock (_gate)
        {
            return _formsByConversation.TryGetValue(conversationId, out var forms) && forms.Count > skip ? forms[^1] : null;
        }
    }

    // The personal chat id the Teams driver uses for a person (Persona.PersonalChatId).
    private static readonly string ChatPrefix = Persona.PersonalChatIdOf("");

    private void Read(FakeConnectorRequest request)
    {
        if (!request.Succeeded)
        {
            return;
        }

        switch (request.Route)
        {
            case FakeConnectorRoute.CreateConversation when request.Parameters is { } parameters:
                var created = request.Answer?["id"]?.GetValue<string>();
                var firstActivity = request.Answer?["activityId"]?.GetValue<string>();
                if (created is null)
                {
                    return;
                }

                if (parameters.ChannelData?["channel"] is not null)
                {
                    Add(request, created, firstActivity, parameters.Activity is null ? null : FakeTeamsConnector.CardOf(parameters.Activity));
                    return;
                }

                if (parameters.Members is [var member, ..])
                {
                    _chatMembers[created] = member.AadObjectId ?? member.Id ?? "";
                }

                if (parameters.Activity is not null)
                {
                    Add(request, created, firstActivity, FakeTeamsConnector.CardOf(parameters.Activity));
                }

                return;
            case FakeConnectorRoute.SendToConversation or FakeConnectorRoute.ReplyToActivity when request.Activity is { } activity:
                Add(request, request.ConversationId!, request.Answer?["id"]?.GetValue<string>(), FakeTeamsConnector.CardOf(activity));
                return;
            case FakeConnectorRoute.UpdateActivity when request.Activity is { } update && FakeTeamsConnector.CardOf(update) is { } card:
                _currentCards[request.ActivityId!] = card;
                return;
        }
    }

    private void Add(FakeConnectorRequest request, string conversationId, string? activityId, JsonObject? card)
    {
        var (at, took) = (request.ReceivedAt, (request.AnsweredAt ?? request.ReceivedAt) - request.ReceivedAt);
        if (card is null || activityId is null)
        {
            return;
        }

        var text = CardReader.AllText(card);
        var requestId = CardReader.RequestNumberIn(text);
        var verbs = CardReader.Verbs(card);
        if (requestId is null)
        {
            if (verbs.Contains(CardVerbs.IntakeSubmit))
            {
                var form = new PostedMessage(null, MessageKind.Form, "form", conversationId, activityId, card, "", at, took);
                _posts.Add(form);
                (_formsByConversation.TryGetValue(conversationId, out var forms) ? forms : _formsByConversation[conversationId] = []).Add(form);
            }

            return;
        }

        var title = text.Split('\n', 2)[0];
        var (kind, label) = !conversationId.StartsWith("19:", StringComparison.Ordinal) ? (MessageKind.OtherNotice, "personal chat")
            // A new thread's conversation id ends with its first message's id; anything else is a reply in a thread.
            : conversationId.EndsWith(activityId, StringComparison.Ordinal) ? (MessageKind.TeamCard, "team card")
            : (MessageKind.ThreadReply, $"thread reply: {title}");
        var post = new PostedMessage(requestId, kind, label, conversationId, activityId, card, title, at, took);
        _posts.Add(post);
        (_byRequest.TryGetValue(requestId, out var posts) ? posts : _byRequest[requestId] = []).Add(post);
    }

    /// <summary>
    /// A message in a personal chat, by whose chat it is: the requester's notices by their title (as they read it); in anyone
    /// else's chat, in these lifecycles, the approval card (whatever its buttons show by now).
    /// </summary>
    private PostedMessage Classified(PostedMessage post)
    {
        if (post.Kind != MessageKind.OtherNotice)
        {
            return post;
        }

        if (!_requesterChats.TryGetValue(post.RequestId!, out var requesterChat) || requesterChat != post.ConversationId)
        {
            return post with { Kind = MessageKind.ApprovalCard, Label = "approval card" };
        }

        return NoticeTitles.TryGetValue(post.Title, out var notice)
            ? post with { Kind = notice.Kind, Label = notice.Label }
            : post with { Label = $"notice: {post.Title}" };
    }
}
