using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ChatRequests.LoadDriver;

/// <summary>
/// The baseline: the least a bot can do on our stack. POST /api/messages reads the activity, echoes a message's
/// text back through the real connector client (same retry and rate-limit pipeline as the bot) and answers 200;
/// an invoke gets a tiny card. No store, no catalog, no cards library.
/// </summary>
internal static class EchoBot
{
    public const string ModeSwitch = "--echo-bot";
    private const string PortSwitch = "--port";


    /// <summary>Runs until killed: <c>--echo-bot --port P [--Section:Key=value ...]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var portAt = Array.IndexOf(args, PortSwitch);
        if (portAt < 0 || portAt + 1 >= args.Length || !int.TryParse(args[portAt + 1], CultureInfo.InvariantCulture, out var port))
        {
            await Console.Error.WriteLineAsync($"{ModeSwitch} needs {PortSwitch} P.");
            return 2;
        }

        var settings = args.Where((arg, i) => arg != ModeSwitch && i != portAt && i != portAt + 1).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Only the command line: the bot's appsettings.json is copied beside this executable and is not ours.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddCommandLine(settings);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddBotConnector();

        var app = builder.Build();
        app.MapPost("/api/messages", HandleAsync);
        app.MapGet("/", () => Results.Text("echo bot"));
        await app.RunAsync();
        return 0;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IConnectorClient connector, CancellationToken cancellationToken)
    {
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ConnectorJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (activity is not { ServiceUrl: { } serviceUrl, Conversation.Id: { } conversationId })
        {
            return Results.BadRequest();
        }

        switch (activity.Type)
        {
            case ActivityTypes.Invoke:
                return Results.Text(InvokeResponse.Card(TinyCard()).ToJson(), "application/json");
            case ActivityTypes.Message:
                // As the bot's Replier does: a reply to the activity when it has an id.
                var echo = Activity.TextMessage(activity.Text ?? "");
                if (activity.Id is { } replyToId)
                {
                    await connector.ReplyToActivityAsync(serviceUrl, conversationId, replyToId, echo, cancellationToken);
                }
                else
                {
                    await connector.SendToConversationAsync(serviceUrl, conversationId, echo, cancellationToken);
                }

                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    private static JsonObject TinyCard() => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Echo" }),
    };
}
