using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Encoder;

public static class SentenceEncoderServiceCollectionExtensions
{
    /// <summary>
    /// The lexical interpreter with the sentence encoder of <see cref="SentenceEncoderOptions"/> (ADR 0038), when
    /// <c>Intake:Encoder:Enabled</c> is true (off by default). The model loads and the items' vectors are built in the background from
    /// start-up; until then, and for good if the model cannot load (logged once, shown by /health), the words alone
    /// read messages.
    /// </summary>
    public static IServiceCollection AddSentenceEncoder(this IServiceCollection services)
    {
        services.AddOptions<SentenceEncoderOptions>().BindConfiguration(SentenceEncoderOptions.SectionName);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SentenceEncoderOptions>>().Value;
            return new DeferredEncoder(() =>
            {
                var started = Environment.TickCount64;
                var encoder = SlimSentenceEncoder.Load(options.Model);
                sp.GetRequiredService<ILogger<SlimSentenceEncoder>>()
                    .LogInformation("Sentence encoder loaded in {Milliseconds} ms", Environment.TickCount64 - started);
                return encoder;
            });
        });
        services.RemoveAll<LexicalInterpreter>();
        services.AddSingleton(sp => new LexicalInterpreter(
            sp.GetRequiredService<ICatalog>(),
            sp.GetRequiredService<IOptions<SentenceEncoderOptions>>().Value.Enabled ? sp.GetRequiredService<DeferredEncoder>() : null,
            sp.GetRequiredService<ILogger<LexicalInterpreter>>()));
        services.AddHostedService<IntakePreparation>();
        return services;
    }

    /// <summary>Builds the interpreter's indexes, the items' sentence vectors too, in the background from start-up.</summary>
    private sealed class IntakePreparation(LexicalInterpreter interpreter, ILogger<IntakePreparation> logger) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
        {
            try
            {
                interpreter.Prepare();
            }
            catch (Exception e)
            {
                // The first message builds what is missing (and the catalog's own check reports a bad catalog).
                logger.LogWarning(e, "The intake's indexes were not built at start-up");
            }
        }, stoppingToken);
    }
}
