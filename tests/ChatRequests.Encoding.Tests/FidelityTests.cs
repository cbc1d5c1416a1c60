using ChatRequests.IntakeEvaluation;
using ChatRequests.Testing;
using Xunit.Abstractions;

namespace ChatRequests.SentenceEncoding.Tests;

/// <summary>
/// The slim model against the original on tuning sentences of eval/intake (never the held-out part), sized for CI: six
/// of each catalog, spread over its file. All of them, on demand (minutes):
/// <c>dotnet run -c Release --project eval/ChatRequests.IntakeEvaluation -- --encoder-fidelity</c>; the figures are in
/// bench/README.md, "Encoder speed".
/// </summary>
public sealed class FidelityTests(EncoderModels models, ITestOutputHelper output) : IClassFixture<EncoderModels>
{
    [Fact]
    public void SlimModel_KeepsTheOriginalsVectorsAndNearestItems_OnSixSentencesOfEachCatalog() =>
        AssertSlimKeepsTheOriginal(models, output);

    /// <summary>
    /// The slim model of <paramref name="models"/> against its original on six tuning sentences of each catalog: the
    /// cosine bars as on all sentences; the nearest item's at 90%: on 42 sentences one near-tie moves the share by 2.4
    /// points (all 2,414 keep 96% and 97.9% for all-MiniLM-L6-v2, bench/README "Encoder speed").
    /// </summary>
    internal static void AssertSlimKeepsTheOriginal(EncoderModels models, ITestOutputHelper output)
    {
        var figures = EncoderFidelity.Measure(models.Original, models.Slim, RepositoryPaths.Root, perCatalog: 6);
        output.WriteLine(figures.ToString());

        Assert.True(figures.Sentences >= 40, "the tuning part is missing");
        Assert.Empty(figures.Misses(agreement: 0.9, itemAgreement: 0.9));
    }
}
