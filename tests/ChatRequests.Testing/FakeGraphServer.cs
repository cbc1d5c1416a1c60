using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Testing;

/// <summary>
/// A loopback stand-in for the Microsoft Graph v1.0 endpoints the directory calls, answering with the JSON
/// shapes of the Graph docs (user, user/manager, group/members with @odata.nextLink, error bodies, 429), and the
/// provisioner's writes: POST group/members/$ref (204; 400 "already exist" for a member; 403 when refused), and the
/// member removal and licence assignment of FakeGraphServer.Provisioning.cs.
/// </summary>
public sealed partial class FakeGraphServer : IAsyncDisposable
{
    private const string Metadata = "https://graph.microsoft.com/v1.0/$metadata";
    private readonly WebApplication _app;
    private int _throttles;

    public sealed record GraphUser(string Id, string DisplayName, string? Mail, string? Department = null,
        string? JobTitle = null, string? ManagerId = null)
    {
        /// <summary>By default the first word of the display name, as Entra ID fills it from a sync.</summary>
        public string? GivenName { get; init; } = DisplayName.Split(' ')[0];

        /// <summary>By default the last word of the display name.</summary>
        public string? Surname { get; init; } = DisplayName.Split(' ')[^1];

        public bool AccountEnabled { get; init; } = true;
    }

    public sealed record RecordedRequest(string PathAndQuery, string? Authorization, string? RetryAttempt, DateTimeOffset At);

    /// <summary>Users by id; Graph finds a user whatever the case of the GUID.</summary>
    public ConcurrentDictionary<string, GraphUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Group id to members, each as (@odata.type, id).</summary>
    public ConcurrentDictionary<string, List<(string Type, string Id)>> Groups { get; } = new();

    public int MembersPageSize { get; set; } = 2;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public sealed record MemberAdded(string GroupId, string ODataId);

    /// <summary>Every POST members/$ref that was answered 204, in order.</summary>
    public ConcurrentQueue<MemberAdded> MembersAdded { get; } = new();

    /// <summary>Groups whose members/$ref POSTs are refused with 403 (the app lacks the permission on them).</summary>
    public ConcurrentDictionary<string, bool> RefusedGroups { get; } = new();

    /// <summary>The Teams app installed per user: the installation id, by user id.</summary>
    public ConcurrentDictionary<string, string> InstalledApps { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Users for whom installing the app is refused (403: blocked by policy, no consent).</summary>
    public ConcurrentDictionary<string, bool> RefusedInstallations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The catalog ids POSTed to installedApps, in order.</summary>
    public ConcurrentQueue<(string UserId, string TeamsAppBind)> Installations { get; } = new();

    /// <summary>The id of the personal chat the installation for <paramref name="userId"/> has.</summary>
    public static string ChatIdOf(string userId) => $"19:{userId}_bot@unq.gbl.spaces";

    public string BaseUrl { get; private set; } = "";

    private FakeGraphServer(WebApplication app) => _app = app;

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        server.MapRoutes();
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single();
        return server;
    }

    /// <summary>The next <paramref name="count"/> requests get <paramref name="status"/> (429, 503, 504) with Retry-After.</summary>
    public void Throttle(int count, int status = 429)
    {
        ThrottleStatus = status;
        Interlocked.Exchange(ref _throttles, count);
    }

    private int ThrottleStatus { get; set; } = 429;

    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    private void MapRoutes()
    {
        _app.Use(async (context, next) =>
        {
            Requests.Enqueue(new RecordedRequest(
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.FirstOrDefault(),
                context.Request.Headers["Retry-Attempt"].FirstOrDefault(),
                DateTimeOffset.UtcNow));
            if (Interlocked.Decrement(ref _throttles) >= 0)
            {
                context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString();
                await WriteError(context, ThrottleStatus, ThrottleStatus == 429 ? "TooManyRequests" : "ServiceUnavailable",
                    ThrottleStatus == 429 ? "Too many requests." : "Service unavailable.");
                return;
            }

            await next(context);
        });

        MapListUsers();

        _app.MapGet("/v1.0/users/{id}", async (HttpContext context, string id) =>
        {
            if (!Users.TryGetValue(id, out var user))
            {
                await WriteError(context, 404, "Request_ResourceNotFound",
                    $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
                return;
            }

            var body = new JsonObject
            {
                ["@odata.context"] = $"{Metadata}#users(id,displayName,mail,department,jobTitle)/$entity",
                ["id"] = user.Id,
                ["displayName"] = user.DisplayName,
                ["mail"] = user.Mail,
                ["department"] = user.Department,
                ["jobTitle"] = user.JobTitle,
            };
            await WriteJson(context, 200, body);
        });

        _app.MapGet("/v1.0/users/{id}/manager", async (HttpContext context, string id) =>
        {
            if (!Users.TryGetValue(id, out var user) || user.ManagerId is null)
            {
                await WriteError(context, 404, "Request_ResourceNotFound",
                    "Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
                return;
            }

            await WriteJson(context, 200, new JsonObject
            {
                ["@odata.context"] = $"{Metadata}#directoryObjects(id)/$entity",
                ["@odata.type"] = "#microsoft.graph.user",
                ["id"] = user.ManagerId,
            });
        });

        _app.MapGet("/v1.0/users/{id}/directReports", async (HttpContext context, string id) =>
        {
            if (!Users.ContainsKey(id))
            {
                await WriteError(context, 404, "Request_ResourceNotFound",
                    $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
                return;
            }

            var reports = Users.Values.Where(u => string.Equals(u.ManagerId, id, StringComparison.OrdinalIgnoreCase))
                .Select(u => (JsonNode)new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = u.Id });
            await WriteJson(context, 200, new JsonObject
            {
                ["@odata.context"] = $"{Metadata}#directoryObjects(id)",
                ["value"] = new JsonArray([.. reports]),
            });
        });

        _app.MapGet("/v1.0/groups/{id}/members", async (HttpContext context, string id) =>
        {
            if (!Groups.TryGetValue(id, out var members))
            {
                await WriteError(context, 404, "Request_ResourceNotFound",
                    $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
                return;
            }

            var skipToken = context.Request.Query["$skiptoken"].FirstOrDefault();
            var start = skipToken is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(skipToken)));
            var page = members.Skip(start).Take(MembersPageSize).ToList();
            var body = new JsonObject
            {
                ["@odata.context"] = $"{Metadata}#directoryObjects(id)",
                ["value"] = new JsonArray(page.Select(m => (JsonNode)new JsonObject
                {
                    ["@odata.type"] = m.Type,
                    ["id"] = m.Id,
                }).ToArray()),
            };
            var next = start + page.Count;
            if (next < members.Count)
            {
                // Graph's nextLink is an absolute URL with an opaque $skiptoken.
                var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(next.ToString()));
                body["@odata.nextLink"] = $"{BaseUrl}/v1.0/groups/{id}/members?$select=id&$top={MembersPageSize}&$skiptoken={Uri.EscapeDataString(token)}";
            }

            await WriteJson(context, 200, body);
        });

        MapAddMember();
        MapProvisioningWrites();
        MapInstalledApps();
        MapMailboxSettings();
    }

    /// <summary>Every GET /users with its query (decoded), in order.</summary>
    public ConcurrentQueue<string> UserSearches { get; } = new();

    /// <summary>GET /users is refused with 403 (the app lacks User.Read.All).</summary>
    public bool RefuseUserSearch { get; set; }

    private void MapListUsers()
    {
        // GET /users?$filter=...&$top=...&$expand=manager($select=id): the filter as FakeGraphFilter evaluates it.
        _app.MapGet("/v1.0/users", async (HttpContext context) =>
        {
            UserSearches.Enqueue(Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""));
            if (RefuseUserSearch)
            {
                await WriteError(context, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
                return;
            }

            var top = int.TryParse(context.Request.Query["$top"].FirstOrDefault(), out var t) ? t : 100;
            var withManager = context.Request.Query["$expand"].FirstOrDefault()?.StartsWith("manager", StringComparison.Ordinal) == true;
            List<GraphUser> found;
            try
            {
                var matches = FakeGraphFilter.Parse(context.Request.Query["$filter"].FirstOrDefault() ?? "accountEnabled eq true or accountEnabled eq false");
                found = [.. Users.Values.OrderBy(u => u.Id, StringComparer.Ordinal).Where(u => matches(property => property switch
                {
                    "displayName" => u.DisplayName,
                    "givenName" => u.GivenName,
                    "surname" => u.Surname,
                    "mail" => u.Mail,
                    "accountEnabled" => u.AccountEnabled,
                    _ => throw new FormatException($"Unsupported or invalid query filter clause specified for property '{property}' of resource 'User'."),
                })).Take(top)];
            }
            catch (FormatException error)
            {
                await WriteError(context, 400, "Request_UnsupportedQuery", error.Message);
                return;
            }

            await WriteJson(context, 200, new JsonObject
            {
                ["@odata.context"] = $"{Metadata}#users(id,displayName,mail,department,jobTitle,manager())",
                ["value"] = new JsonArray(found.Select(u => (JsonNode)UserJson(u, withManager)).ToArray()),
            });
        });
    }

    private static JsonObject UserJson(GraphUser user, bool withManager)
    {
        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["displayName"] = user.DisplayName,
            ["mail"] = user.Mail,
            ["department"] = user.Department,
            ["jobTitle"] = user.JobTitle,
        };
        if (withManager && user.ManagerId is not null)
        {
            json["manager"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = user.ManagerId };
        }

        return json;
    }

    private void MapInstalledApps()
    {
        _app.MapPost("/v1.0/users/{id}/teamwork/installedApps", async (HttpContext context, string id) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            var bind = body?["teamsApp@odata.bind"]?.GetValue<string>() ?? "";
            if (!Users.ContainsKey(id))
            {
                await WriteError(context, 404, "NotFound", $"User '{id}' was not found.");
            }
            else if (RefusedInstallations.ContainsKey(id))
            {
                await WriteError(context, 403, "Forbidden", "The app is blocked by the organisation's app permission policy.");
            }
            else if (!InstalledApps.TryAdd(id, Guid.NewGuid().ToString("N")))
            {
                await WriteError(context, 409, "Conflict", "The app is already installed for this user.");
            }
            else
            {
                Installations.Enqueue((id, bind));
                await WriteJson(context, 201, new JsonObject { ["id"] = InstalledApps[id] });
            }
        });

        _app.MapGet("/v1.0/users/{id}/teamwork/installedApps", async (HttpContext context, string id) =>
        {
            var value = new JsonArray();
            if (InstalledApps.TryGetValue(id, out var installationId))
            {
                value.Add(new JsonObject { ["id"] = installationId, ["teamsApp"] = new JsonObject { ["id"] = "catalog-app" } });
            }

            await WriteJson(context, 200, new JsonObject { ["value"] = value });
        });

        _app.MapGet("/v1.0/users/{id}/teamwork/installedApps/{installationId}/chat", async (HttpContext context, string id, string installationId) =>
        {
            if (!InstalledApps.TryGetValue(id, out var installed) || installed != installationId)
            {
                await WriteError(context, 404, "NotFound", "No such installation.");
                return;
            }

            await WriteJson(context, 200, new JsonObject { ["id"] = ChatIdOf(id) });
        });
    }

    private void MapAddMember()
    {
        const string DirectoryObjects = "https://graph.microsoft.com/v1.0/directoryObjects/";
        _app.MapPost("/v1.0/groups/{id}/members/$ref", async (HttpContext context, string id) =>
        {
            if (RefusedGroups.ContainsKey(id))
            {
                await WriteError(context, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
                return;
            }

            var body = await JsonNode.ParseAsync(context.Request.Body);
            var odataId = body?["@odata.id"]?.GetValue<string>();
            if (odataId is null || !odataId.StartsWith(DirectoryObjects, StringComparison.Ordinal))
            {
                await WriteError(context, 400, "Request_BadRequest", "Invalid object identifier.");
                return;
            }

            var memberId = odataId[DirectoryObjects.Length..];
            if (!Groups.TryGetValue(id, out var members) || !Users.ContainsKey(memberId))
            {
                await WriteError(context, 404, "Request_ResourceNotFound",
                    $"Resource '{(members is null ? id : memberId)}' does not exist or one of its queried reference-property objects are not present.");
                return;
            }

            bool alreadyMember;
            lock (members)
            {
                alreadyMember = members.Any(m => m.Id == memberId);
                if (!alreadyMember)
                {
                    members.Add(("#microsoft.graph.user", memberId));
                }
            }

            if (alreadyMember)
            {
                await WriteError(context, 400, "Request_BadRequest",
                    "One or more added object references already exist for the following modified properties: 'members'.");
                return;
            }

            MembersAdded.Enqueue(new MemberAdded(id, odataId));
            context.Response.StatusCode = 204;
        });
    }

    private static Task WriteJson(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
        context.Response.Headers["request-id"] = Guid.NewGuid().ToString();
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task WriteError(HttpContext context, int status, string code, string message)
    {
        var requestId = Guid.NewGuid().ToString();
        return WriteJson(context, status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss"),
                    ["request-id"] = requestId,
                    ["client-request-id"] = requestId,
                },
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
