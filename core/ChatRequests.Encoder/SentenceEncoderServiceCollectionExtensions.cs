using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using ChatRequests.SentenceEncoding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Encoder;

public static class SentenceEncoderServiceCollectionExtensions
{
    /// <summary>
    /// The lexical interpreter with the sentence encoder of <see cref="SentenceEncoderOptions"/> (ADR 0038, 0044) unless
    /// <c>Intake:Encoder:Enabled</c> is false. The model loads (from its cache once slimmed) and the items' vectors are
    /// built in the background from start-up; until then, and for good if the model cannot load (logged once, shown by /health), the words alone
    /// read messages.
    /// </summary>
    public static IServiceCollection AddSentenceEncoder(this IServiceCollection services)
    {
        services.AddOptions<SentenceEncoderOptions>().BindConfiguration(SentenceEncoderOptions.SectionName)
            .Validate(
                o => SentenceModel.ByShortName.ContainsKey(o.ModelName),
                $"{SentenceEncoderOptions.SectionName}:{nameof(SentenceEncoderOptions.ModelName)} names no model here (one of: {string.Join(", ", SentenceModel.ByShortName.Keys)})")
            .ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SentenceEncoderOptions>>().Value;
            var logger = sp.GetRequiredService<ILogger<SlimSentenceEncoder>>();
            return new DeferredEncoder(options.Kind.Name, () => Load(options, logger));
        });
        services.RemoveAll<LexicalInterpreter>();
        services.AddSingleton(sp => new LexicalInterpreter(
            sp.GetRequiredService<ICatalog>(),
            sp.GetRequiredService<IOptions<SentenceEncoderOptions>>().Value.Enabled ? sp.GetRequiredService<DeferredEncoder>() : null,
            sp.GetRequiredService<ILogger<LexicalInterpreter>>()));
        services.AddHostedService<IntakePreparation>();
        return services;
    }

    private static SlimSentenceEncoder Load(SentenceEncoderOptions options, ILogger logger)
    {
        var started = Environment.TickCount64;
        var kind = options.Kind;
        if (options.Model is { } file)
        {
            var given = SlimSentenceEncoder.Load(kind, file);
            logger.LogInformation("Sentence encoder {Name} loaded from {Model} in {Milliseconds} ms", kind.Name, file, Environment.TickCount64 - started);
            return given;
        }

        var (encoder, source, cacheError) = SlimSentenceEncoder.Load(SlimModelCache.ForPackage(options.CacheFolderOrDefault, kind), kind);
        if (cacheError is not null)
        {
            // Not an error of the encoder: the next start slims again (seconds of CPU) until the folder can be written.
            logger.LogWarning(cacheError, "The slim model could not be kept in {CacheFolder}: each start slims it again", options.CacheFolderOrDefault);
        }

        if (source != SlimModelSource.Cache)
        {
            // Slimming left a few hundred MB of garbage (the fp32 model, its graph, a calibration session's buffers): give
            // it back now, once, rather than keep it as the idle bot's memory (measured: 711 MiB idle without, bench/README).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        logger.LogInformation("Sentence encoder {Name} loaded in {Milliseconds} ms ({Source})", kind.Name, Environment.TickCount64 - started, source);
        return encoder;
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
