using ChatRequests.Composition;
using ChatRequests.Functions.Invocation;
using ChatRequests.ReferenceData;

namespace ChatRequests.Functions;

/// <summary>
/// The custom handler process the Functions host starts (host.json customHandler.description.defaultExecutablePath).
/// It must listen on FUNCTIONS_CUSTOMHANDLER_PORT on the loopback and be up within 60 s
/// (learn.microsoft.com/azure/azure-functions/functions-custom-handlers).
/// </summary>
public sealed class Program
{
    /// <summary>The port the Functions host calls the handler on; it sets this environment variable.</summary>
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static Task<int> Main(string[] args) => HostStart.RunAsync(async () =>
    {
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Configuration.GetValue<int?>(PortSetting) is { } port)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(port));
        }

        builder.AddChatRequestsFunctions();

        var app = builder.Build();
        app.Logger.LogInformation("ChatRequests Functions app on {Adapters}", app.Services.GetRequiredService<AdapterChoice>());
        app.MapFunctions();
        return await app.RunWithReferenceDataCheckAsync();
    });
}
