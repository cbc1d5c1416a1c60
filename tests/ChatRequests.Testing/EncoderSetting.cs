using ChatRequests.Encoder;

namespace ChatRequests.Testing;

/// <summary>
/// The sentence encoder in the hosts tests start (ADR 0044). It is on by default for users and becomes ready seconds
/// after start-up, from when it may read a message differently: a host of a test that is not about the encoder has it
/// off, so its reading never changes half-way through the test. A test about the encoder turns it on and waits for
/// <c>/health</c> to say <c>"encoder": "ready"</c>.
/// </summary>
public static class EncoderSetting
{
    /// <summary>Where tests keep the slimmed model, shared by every test run on the machine (it is keyed by the model).</summary>
    public static string CacheFolder { get; } = SentenceEncoderOptions.CacheFolderBeside(Path.Combine(Path.GetTempPath(), "chatrequests-tests"));

    /// <summary>The key of an in-process host's settings (WebApplicationFactory's), "false" unless the test is about the encoder.</summary>
    public const string Key = SentenceEncoderOptions.EnabledKey;

    /// <summary>The same as command-line arguments of a host process; with the encoder on, the tests' shared cache too.</summary>
    public static IReadOnlyList<string> Arguments(bool enabled) => enabled
        ? [$"--{SentenceEncoderOptions.EnabledKey}=true", $"--{SentenceEncoderOptions.SectionName}:{nameof(SentenceEncoderOptions.CacheFolder)}={CacheFolder}"]
        : [$"--{SentenceEncoderOptions.EnabledKey}=false"];
}
