using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Testing;

/// <summary>The Bot Connector routes the fake serves.</summary>
public enum FakeConnectorRoute
{
    CreateConversation,
    SendToConversation,
    ReplyToActivity,
    UpdateActivity,
    Unknown,
}

/// <summary>One request the fake received, with the status it answered.</summary>
public sealed record FakeConnectorRequest(
    FakeConnectorRoute Route,
    string Method,
    string RawTarget,
    string? ConversationId,
    string? ActivityId,
    JsonNode? Body,
    string? Authorization,
    int StatusCode,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The body as an activity (send, reply, update).</summary>
    public Activity? Activity => Body?.Deserialize<Activity>(ConnectorJson.Options);

    /// <summary>The body as conversation parameters (create conversation).</summary>
    public ConversationParameters? Parameters => Body?.Deserialize<ConversationParameters>(ConnectorJson.Options);

    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>The conversation (chat or channel thread) a successful create conversation made.</summary>
    public string? CreatedConversationId { get; init; }

    /// <summary>The body the fake answered with (for a post: the new activity's id; for a new thread: its id and its activity id).</summary>
    public JsonNode? Answer { get; init; }

    /// <summary>When the fake answered (later than <see cref="ReceivedAt"/> by a stall, and by the load on the machine).</summary>
    public DateTimeOffset? AnsweredAt { get; init; }
}

/// <summary>A failure the fake answers instead of handling a request, for the next <see cref="Count"/> matching requests.</summary>
public sealed record FakeFailure(int StatusCode, int Count = 1)
{
    /// <summary>The raw Retry-After header ("2", or an HTTP date), if any.</summary>
    public string? RetryAfter { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>Wait this long before answering (normally, when <see cref="StatusCode"/> is 0): for timeouts.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// Handle the request (a post is made), then wait this long before answering: Teams took it and its answer is slow,
    /// so a bot killed meanwhile never learns it was posted. A client that gives up first gets no answer.
    /// </summary>
    public TimeSpan AnswerDelay { get; init; }

    /// <summary>Which requests fail (all by default).</summary>
    public Func<FakeConnectorRequest, bool>? When { get; init; }
}

/// <summary>A conversation as the fake holds it: members and the current activities (updates applied).</summary>
public sealed record FakeConversation(
    string Id, bool IsGroup, string? ChannelId, string? TenantId, IReadOnlyList<ChannelAccount> Members, IReadOnlyList<Activity> Activities);

/// <summary>
/// A loopback fake of the Teams Bot Connector service: a real Kestrel server on 127.0.0.1 serving the v3 routes
/// under <see cref="ServiceUrl"/> the way Teams does (create conversation, send, reply, update),
/// recording every request, and able to fail or stall requests on demand.
/// </summary>
public sealed partial class FakeTeamsConnector : IAsyncDisposable
{
    /// <summary>The path Teams' service URLs carry (https://smba.trafficmanager.net/teams/), so clients must keep it.</summary>
    public const string PathBase = "/teams";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly object _gate = new();
    private readonly List<FakeConnectorRequest> _requests = [];
    private readonly Dictionary<string, ConversationState> _conversations = new(StringComparer.Ordinal);
    private readonly List<ChannelAccount> _roster = [];
    private readonly List<FailureState> _failures = [];
    private long _lastActivityId = 1_763_000_000_000;
    private TaskCompletionSource _changed = NewSignal();
    private WebApplication? _app;

    private FakeTeamsConnector()
    {
    }

    /// <summary>The base URL to put in activities' serviceUrl: http://127.0.0.1:{port}/teams/.</summary>
    public string ServiceUrl { get; private set; } = "";

    public string TenantId { get; set; } = "00000000-0000-0000-0000-0000000000aa";

    public static async Task<FakeTeamsConnector> StartAsync(CancellationToken cancellationToken = default)
    {
        var fake = new FakeTeamsConnector();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeTeamsConnector).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        fake.Map(app);
        await app.StartAsync(cancellationToken);
        fake._app = app;
        var address = app.Urls.Single();
        fake.ServiceUrl = address.TrimEnd('/') + PathBase + "/";
        return fake;
    }

    // ---- setup --------------------------------------------------------------------------------------------

    /// <summary>Adds a member to the roster, whose name and Entra object id fill in the conversations the bot creates with them.</summary>
    public void AddMember(ChannelAccount member)
    {
        lock (_gate)
        {
            _roster.Add(member);
        }
    }

    /// <summary>Answers the next matching requests with <paramref name="failure"/> instead of handling them.</summary>
    public void FailNext(FakeFailure failure)
    {
        lock (_gate)
        {
            _failures.Add(new FailureState(failure));
        }
    }

    /// <summary>Fails the next <paramref name="count"/> requests with <paramref name="statusCode"/> and a Bot Connector error body.</summary>
    public void FailNext(int count, int statusCode, TimeSpan? retryAfter = null, string? errorCode = null, string? errorMessage = null) =>
        FailNext(new FakeFailure(statusCode, count)
        {
            RetryAfter = retryAfter is { } wait ? Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
        });

    /// <summary>Holds the next <paramref name="count"/> requests for <paramref name="delay"/> before handling them.</summary>
    public void StallNext(int count, TimeSpan delay) => FailNext(new FakeFailure(0, count) { Delay = delay });

    /// <summary>Forgets requests, conversations, pending failures and the calls the limits counted (the roster and the limits stay).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _conversations.Clear();
            _failures.Clear();
            _acceptedAt.Clear();
        }
    }

    // ---- queries ------------------------------------------------------------------------------------------

    public IReadOnlyList<FakeConnectorRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The requests received after the first <paramref name="skip"/> (for readers that follow a long run as it goes).</summary>
    public IReadOnlyList<FakeConnectorRequest> RequestsSince(int skip)
    {
        lock (_gate)
        {
            return skip >= _requests.Count ? [] : _requests.GetRange(skip, _requests.Count - skip);
        }
    }

    public IReadOnlyList<FakeConnectorRequest> RequestsTo(FakeConnectorRoute route) => [.. Requests.Where(r => r.Route == route)];

    public IReadOnlyList<FakeConversation> Conversations
    {
        get
        {
            lock (_gate)
            {
                return [.. _conversations.Values.Select(c => c.Snapshot())];
            }
        }
    }

    public FakeConversation? Conversation(string conversationId)
    {
        lock (_gate)
        {
            return _conversations.TryGetValue(conversationId, out var conversation) ? conversation.Snapshot() : null;
        }
    }

    /// <summary>The activities in a conversation as it shows now (updates applied), oldest first.</summary>
    public IReadOnlyList<Activity> ActivitiesIn(string conversationId) => Conversation(conversationId)?.Activities ?? [];

    /// <summary>The Adaptive Card of the latest activity that carries one in the conversation, as it shows now.</summary>
    public JsonObject? LatestCardIn(string conversationId) =>
        ActivitiesIn(conversationId).Select(CardOf).LastOrDefault(card => card is not null);

    /// <summary>The cards (as they show now) in the personal chats created for the user with this Entra object id.</summary>
    public IReadOnlyList<JsonObject> CardsSentTo(string userAadObjectId) =>
        [.. Conversations
            .Where(c => !c.IsGroup && c.Members.Any(m => m.AadObjectId == userAadObjectId))
            .SelectMany(c => c.Activities)
            .Select(CardOf)
            .OfType<JsonObject>()];

    /// <summary>The personal chat the bot created with this user (by Entra object id or channel account id).</summary>
    public string? PersonalChatWith(string userAadObjectIdOrId) =>
        Conversations.FirstOrDefault(c => !c.IsGroup && c.Members.Any(m => m.AadObjectId == userAadObjectIdOrId || m.Id == userAadObjectIdOrId))?.Id;

    /// <summary>Every successful update (PUT) of the activity, oldest first.</summary>
    public IReadOnlyList<Activity> Updates(string activityId) =>
        [.. Requests.Where(r => r.Route == FakeConnectorRoute.UpdateActivity && r.ActivityId == activityId && r.Succeeded).Select(r => r.Activity!)];

    /// <summary>The first Adaptive Card attachment of an activity.</summary>
    public static JsonObject? CardOf(Activity activity) =>
        activity.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType)?.Content?.DeepClone() as JsonObject;

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking on every request and every few ms.</summary>
    public async Task WaitForAsync(Func<FakeTeamsConnector, bool> condition, TimeSpan? timeout = null, string? description = null) =>
        await WaitForAsync(f => condition(f) ? true : (bool?)null, timeout, description);

    /// <summary>Waits until <paramref name="probe"/> returns a value, and returns it.</summary>
    public async Task<T> WaitForAsync<T>(Func<FakeTeamsConnector, T?> probe, TimeSpan? timeout = null, string? description = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (probe(this) is { } value)
            {
                return value;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The fake Teams connector did not see {description ?? "the expected state"} within {timeout ?? TimeSpan.FromSeconds(10)}; requests: {Requests.Count}.");
            }

            await Task.WhenAny(changed, Task.Delay(left < PollInterval ? left : PollInterval));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    // ---- the service --------------------------------------------------------------------------------------

    private void Map(WebApplication app)
    {
        var conversations = app.MapGroup(PathBase + "/v3/conversations");
        conversations.MapPost("", context => HandleAsync(context, FakeConnectorRoute.CreateConversation));
        conversations.MapPost("{conversationId}/activities", context => HandleAsync(context, FakeConnectorRoute.SendToConversation));
        conversations.MapPost("{conversationId}/activities/{activityId}", context => HandleAsync(context, FakeConnectorRoute.ReplyToActivity));
        conversations.MapPut("{conversationId}/activities/{activityId}", context => HandleAsync(context, FakeConnectorRoute.UpdateActivity));
        MapUploads(app);
        app.MapFallback(context => HandleAsync(context, FakeConnectorRoute.Unknown));
    }

    private async Task HandleAsync(HttpContext context, FakeConnectorRoute route)
    {
        var request = context.Request;
        JsonNode? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                await RespondAsync(context, Record(context, route, null, 400), 400, Error("BadSyntax", "The body is not JSON."));
                return;
            }
        }

        var probe = Record(context, route, body, 0);
        if (!await PassHoldsAsync(probe, context))
        {
            Add(probe with { StatusCode = 499 }); // the client gave up on a held request: nothing was posted
            return;
        }

        var failure = TakeFailure(probe);
        if (failure is not null && failure.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(failure.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Add(probe with { StatusCode = 499 }); // the client gave up (nginx's "client closed request")
                return;
            }
        }

        if (failure is { StatusCode: > 0 })
        {
            if (failure.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = failure.RetryAfter;
            }

            var error = Error(failure.ErrorCode ?? DefaultCode(failure.StatusCode), failure.ErrorMessage ?? "Injected failure.");
            await RespondAsync(context, probe with { StatusCode = failure.StatusCode }, failure.StatusCode, error);
            return;
        }

        if (route != FakeConnectorRoute.Unknown && TakePermit(probe) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
            await RespondAsync(context, probe with { StatusCode = 429 }, 429, Error("TooManyRequests", "Rate limit exceeded."));
            return;
        }

        var (status, answer) = route switch
        {
            FakeConnectorRoute.CreateConversation => CreateConversation(body),
            FakeConnectorRoute.SendToConversation => Post(probe.ConversationId!, replyToId: null, body),
            FakeConnectorRoute.ReplyToActivity => Post(probe.ConversationId!, probe.ActivityId, body),
            FakeConnectorRoute.UpdateActivity => Update(probe.ConversationId!, probe.ActivityId!, body),
            _ => (404, Error("NotFound", "No such route.")),
        };
        var created = route == FakeConnectorRoute.CreateConversation && status == 201 ? answer["id"]?.GetValue<string>() : null;
        if (failure is { AnswerDelay: var late } && late > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(late, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Add(probe with { StatusCode = status, CreatedConversationId = created, Answer = answer }); // posted, the answer never arrived
                return;
            }
        }

        await RespondAsync(context, probe with { StatusCode = status, CreatedConversationId = created, Answer = answer }, status, answer);
    }

    private (int, JsonNode) CreateConversation(JsonNode? body)
    {
        var parameters = body?.Deserialize<ConversationParameters>(ConnectorJson.Options);
        if (parameters is null)
        {
            return (400, Error("BadSyntax", "Conversation parameters are required."));
        }

        var channelId = parameters.ChannelData?["channel"]?["id"]?.GetValue<string>();
        var tenantId = parameters.TenantId ?? parameters.ChannelData?["tenant"]?["id"]?.GetValue<string>() ?? TenantId;
        lock (_gate)
        {
            if (channelId is not null)
            {
                // A new thread in a channel: the thread is the conversation "<channel>;messageid=<root post>".
                if (parameters.Activity is null)
                {
                    return (400, Error("BadSyntax", "A channel thread needs an activity."));
                }

                var rootId = NextActivityId();
                var thread = GetOrAdd($"{channelId};messageid={rootId}", isGroup: true, channelId, tenantId, parameters.Members ?? []);
                thread.Add(parameters.Activity, rootId, replyToId: null);
                return (201, new JsonObject { ["id"] = thread.Id, ["activityId"] = rootId });
            }

            var members = parameters.Members ?? [];
            if (parameters.IsGroup == true || members.Count != 1 || string.IsNullOrEmpty(members[0].Id))
            {
                return (400, Error("BadSyntax", "Only personal chats (one member) and channel threads can be created."));
            }

            // Teams has one personal chat per user and bot, and answers it to every creation: the chat the user types to the
            // bot in, when they have (the Teams driver's Persona.PersonalChatId), so what the bot posts there unasked and its
            // answers to what they type are one conversation, as in Teams.
            var member = Resolve(members[0]);
            var chat = GetOrAdd(Persona.PersonalChatIdOf(member.AadObjectId ?? member.Id!), isGroup: false, null, tenantId, [member]);
            chat.Include(member);
            var answer = new JsonObject { ["id"] = chat.Id };
            if (parameters.Activity is not null)
            {
                var activityId = NextActivityId();
                chat.Add(parameters.Activity, activityId, replyToId: null);
                answer["activityId"] = activityId;
            }

            return (201, answer);
        }
    }

    private (int, JsonNode) Post(string conversationId, string? replyToId, JsonNode? body)
    {
        var activity = body?.Deserialize<Activity>(ConnectorJson.Options);
        if (activity?.Type is null)
        {
            return (400, Error("BadSyntax", "An activity with a type is required."));
        }

        lock (_gate)
        {
            // Conversations the bot did not create (a chat the user started) exist at Teams all the same.
            var conversation = GetOrAdd(conversationId, isGroup: conversationId.StartsWith("19:", StringComparison.Ordinal), null, TenantId, []);
            var activityId = NextActivityId();
            conversation.Add(activity, activityId, replyToId);
            return (201, new JsonObject { ["id"] = activityId });
        }
    }

    private (int, JsonNode) Update(string conversationId, string activityId, JsonNode? body)
    {
        var activity = body?.Deserialize<Activity>(ConnectorJson.Options);
        if (activity?.Type is null)
        {
            return (400, Error("BadSyntax", "An activity with a type is required."));
        }

        lock (_gate)
        {
            if (!_conversations.TryGetValue(conversationId, out var conversation) || !conversation.Replace(activityId, activity))
            {
                return (404, Error("ActivityNotFoundInConversation", "The activity does not exist in this conversation."));
            }

            return (200, new JsonObject { ["id"] = activityId });
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------------------

    private ChannelAccount Resolve(ChannelAccount member)
    {
        var known = _roster.FirstOrDefault(m => m.Id == member.Id);
        return known is null ? member : member with { Name = member.Name ?? known.Name, AadObjectId = member.AadObjectId ?? known.AadObjectId };
    }

    private ConversationState GetOrAdd(string id, bool isGroup, string? channelId, string? tenantId, IReadOnlyList<ChannelAccount> members)
    {
        if (!_conversations.TryGetValue(id, out var conversation))
        {
            conversation = new ConversationState(id, isGroup, channelId, tenantId, [.. members]);
            _conversations[id] = conversation;
        }

        return conversation;
    }

    private string NextActivityId() => (++_lastActivityId).ToString(CultureInfo.InvariantCulture);

    private FakeFailure? TakeFailure(FakeConnectorRequest request)
    {
        lock (_gate)
        {
            var pending = _failures.FirstOrDefault(f => f.Failure.When is null || f.Failure.When(request));
            if (pending is null)
            {
                return null;
            }

            if (--pending.Remaining == 0)
            {
                _failures.Remove(pending);
            }

            return pending.Failure;
        }
    }

    private static FakeConnectorRequest Record(HttpContext context, FakeConnectorRoute route, JsonNode? body, int status)
    {
        var values = context.Request.RouteValues;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        return new FakeConnectorRequest(
            route,
            context.Request.Method,
            rawTarget,
            values["conversationId"] as string,
            values["activityId"] as string,
            body,
            context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
            status,
            DateTimeOffset.UtcNow);
    }

    private async Task RespondAsync(HttpContext context, FakeConnectorRequest request, int status, JsonNode body)
    {
        Add(request with { AnsweredAt = DateTimeOffset.UtcNow });
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(ConnectorJson.Options), context.RequestAborted);
    }

    private void Add(FakeConnectorRequest request)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _requests.Add(request);
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static string DefaultCode(int status) => status switch
    {
        403 => "BotNotInConversationRoster",
        404 => "ConversationNotFound",
        412 => "PreconditionFailed",
        429 => "TooManyRequests",
        _ => "ServiceError",
    };

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class FailureState(FakeFailure failure)
    {
        public FakeFailure Failure { get; } = failure;

        public int Remaining { get; set; } = failure.Count;
    }

    private sealed class ConversationState(string id, bool isGroup, string? channelId, string? tenantId, List<ChannelAccount> members)
    {
        private readonly List<Activity> _activities = [];

        public string Id { get; } = id;

        /// <summary>Adds the member a creation named to a chat that began with the user's own message (no members known then).</summary>
        public void Include(ChannelAccount member)
        {
            if (!members.Any(m => m.Id == member.Id))
            {
                members.Add(member);
            }
        }

        public void Add(Activity activity, string activityId, string? replyToId) =>
            _activities.Add(activity with
            {
                Id = activityId,
                ReplyToId = replyToId ?? activity.ReplyToId,
                Conversation = (activity.Conversation ?? new ConversationAccount()) with { Id = Id },
                Timestamp = DateTimeOffset.UtcNow,
            });

        public bool Replace(string activityId, Activity activity)
        {
            var index = _activities.FindIndex(a => a.Id == activityId);
            if (index < 0)
            {
                return false;
            }

            var current = _activities[index];
            _activities[index] = activity with
            {
                Id = activityId,
                ReplyToId = current.ReplyToId,
                Conversation = (activity.Conversation ?? new ConversationAccount()) with { Id = Id },
                Timestamp = current.Timestamp,
            };
            return true;
        }

        public FakeConversation Snapshot() => new(Id, isGroup, channelId, tenantId, [.. members], [.. _activities]);
    }
}
