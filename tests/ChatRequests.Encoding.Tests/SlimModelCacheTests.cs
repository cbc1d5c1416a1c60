namespace ChatRequests.SentenceEncoding.Tests;

/// <summary>
/// The slim model kept on disk between starts (ADR 0044), with made-up model bytes: what is slimmed once is read back,
/// and whatever is wrong with the cache costs a slimming, never a wrong model or a failed start.
/// </summary>
public sealed class SlimModelCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatrequests-tests", "slim-cache-" + Guid.NewGuid().ToString("N"));
    private readonly byte[] _model = [.. Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7))];
    private int _slimmings;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        else if (File.Exists(_folder))
        {
            File.Delete(_folder);
        }
    }

    [Fact]
    public void TheFirstStart_Slims_AndTheNext_ReadsWhatItKept()
    {
        var first = Cache().Load(Slim);
        var second = Cache().Load(Slim);

        Assert.Equal((SlimModelSource.SlimmedAndCached, SlimModelSource.Cache), (first.Source, second.Source));
        Assert.Equal(_model, second.ReadAllBytes());
        Assert.Equal(1, _slimmings);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void AnotherSource_IsNotReadFromTheCacheOfThisOne()
    {
        Cache("source-a").Load(Slim);

        var other = Cache("source-b").Load(() => [1, 2, 3]);

        Assert.Equal(SlimModelSource.SlimmedAndCached, other.Source);
        Assert.Equal([1, 2, 3], other.ReadAllBytes());
        Assert.Equal(_model, Cache("source-a").Load(Slim).ReadAllBytes());
    }

    [Fact]
    public void AFileCutShort_IsSlimmedAgain_AndReplaced()
    {
        Cache().Load(Slim);
        var kept = Directory.GetFiles(_folder).Single();
        File.WriteAllBytes(kept, _model[..1000]);

        var again = Cache().Load(Slim);

        Assert.Equal(SlimModelSource.SlimmedAndCached, again.Source);
        Assert.Equal(_model, again.ReadAllBytes());
        Assert.Equal(_model, File.ReadAllBytes(Directory.GetFiles(_folder).Single()));
        Assert.Equal(SlimModelSource.Cache, Cache().Load(Slim).Source);
    }

    [Fact]
    public void AFileWithAByteChanged_IsNeverRun()
    {
        Cache().Load(Slim);
        var kept = Directory.GetFiles(_folder).Single();
        var changed = File.ReadAllBytes(kept);
        changed[changed.Length / 2] ^= 0x40;
        File.WriteAllBytes(kept, changed);

        var again = Cache().Load(Slim);

        Assert.Equal((SlimModelSource.SlimmedAndCached, 2), (again.Source, _slimmings));
        Assert.Equal(_model, again.ReadAllBytes());
    }

    [Fact]
    public void AWriteLeftHalfDone_IsNotRead_AndAnOldOneIsCleanedUp()
    {
        Directory.CreateDirectory(_folder);
        var recent = Path.Combine(_folder, $"all-MiniLM-L6-v2-int8-{Source}.{Guid.NewGuid():N}.tmp");
        var abandoned = Path.Combine(_folder, $"all-MiniLM-L6-v2-int8-{Source}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(recent, _model[..500]);
        File.WriteAllBytes(abandoned, _model[..500]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));

        var loaded = Cache().Load(Slim);

        Assert.Equal(SlimModelSource.SlimmedAndCached, loaded.Source);
        Assert.Equal(_model, loaded.ReadAllBytes());
        Assert.True(File.Exists(recent), "a write in progress elsewhere is left alone");
        Assert.False(File.Exists(abandoned));
    }

    [Fact]
    public void AFolderThatCannotBeWritten_CostsASlimmingEachStart_AndSaysWhy()
    {
        // A file where the folder should be: neither the mode bits (root writes through them) nor the platform matter.
        Directory.CreateDirectory(Path.GetDirectoryName(_folder)!);
        File.WriteAllBytes(_folder, []);

        var first = Cache().Load(Slim);
        var second = Cache().Load(Slim);

        Assert.Equal((SlimModelSource.SlimmedNotCached, SlimModelSource.SlimmedNotCached), (first.Source, second.Source));
        Assert.NotNull(first.CacheError);
        Assert.Equal(_model, second.ReadAllBytes());
        Assert.Equal(2, _slimmings);
    }

    [Fact]
    public void ForThePackage_TheKeyIsTheSameEachTime_AndDiffersByOptions()
    {
        Assert.Equal(Name(SlimModelCache.ForPackage(_folder, SentenceModel.MiniLm)), Name(SlimModelCache.ForPackage(_folder, SentenceModel.MiniLm)));
        Assert.NotEqual(Name(SlimModelCache.ForPackage(_folder, SentenceModel.MiniLm)), Name(SlimModelCache.ForPackage(_folder, SentenceModel.MiniLm, new SlimOptions { Smoothing = 0.5 })));
    }

    private const string Source = "0123456789abcdef";

    private SlimModelCache Cache(string source = Source) => new(_folder, source);

    private byte[] Slim()
    {
        _slimmings++;
        return _model;
    }

    /// <summary>The name of the file the cache keeps (one slimming of made-up bytes).</summary>
    private string Name(SlimModelCache cache)
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        cache.Load(Slim);
        return Path.GetFileName(Directory.GetFiles(_folder).Single());
    }
}
