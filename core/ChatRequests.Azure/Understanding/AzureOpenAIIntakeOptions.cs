using System.ComponentModel.DataAnnotations;

namespace ChatRequests.Azure.Understanding;

/// <summary>
/// Model-backed understanding (<c>Intake:Provider=AzureOpenAI</c>): item similarity from an Azure OpenAI embedding
/// deployment, on top of the lexical reading. Signs in with the registered <c>TokenCredential</c>, else
/// <c>DefaultAzureCredential</c> (the managed identity that <c>AZURE_CLIENT_ID</c> names): no key anywhere.
/// </summary>
public sealed class AzureOpenAIIntakeOptions
{
    public const string SectionName = "Intake:AzureOpenAI";

    /// <summary>The Azure OpenAI (Cognitive Services) endpoint, https://&lt;account&gt;.openai.azure.com/.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>The embedding model's deployment name (text-embedding-3-small, or what the account calls it).</summary>
    [Required]
    public string EmbeddingDeployment { get; set; } = "";

    /// <summary>
    /// Optional: a chat model's deployment (gpt-4o-mini, or what the account calls it) that reads the choice fields the
    /// words left open once an item is clear; its values count only if they are the field's choices. Empty: none.
    /// </summary>
    public string? ChatDeployment { get; set; }

    /// <summary>How long a turn waits for the model before it answers from the words alone; at most 1.5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:01.500")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Failures in a row (errors, timeouts, throttling, malformed answers) after which the model is left alone.</summary>
    [Range(1, 100)]
    public int FailuresBeforePause { get; set; } = 3;

    /// <summary>How long the model is left alone after <see cref="FailuresBeforePause"/>: every turn is lexical meanwhile.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PauseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long reading the whole catalog into vectors may take (it runs beside the turns, not in them).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CatalogTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How similarities become outcomes: defaults for text-embedding-3-small; calibrate with the evaluation set.</summary>
    public SimilarityCalibration Calibration { get; set; } = new();
}

/// <summary>
/// Cosine similarity thresholds (plus a bonus for items the words named too) that turn similarities into the outcomes
/// of the lexical reading: a clear winner, a short choice, a question, or nothing close.
/// </summary>
public sealed class SimilarityCalibration
{
    /// <summary>A form needs at least this much (similarity plus bonus)...</summary>
    [Range(0.0, 1.0)]
    public double ItemSimilarity { get; set; } = 0.62;

    /// <summary>...and this much more than the next item; otherwise the close ones are offered as a choice.</summary>
    [Range(0.0, 1.0)]
    public double ClearMargin { get; set; } = 0.06;

    /// <summary>Below this an item is not offered at all.</summary>
    [Range(0.0, 1.0)]
    public double SuggestionSimilarity { get; set; } = 0.45;

    /// <summary>Items within this of the best one are offered together (5 at most).</summary>
    [Range(0.0, 1.0)]
    public double ChoiceWindow { get; set; } = 0.08;

    /// <summary>Added to the similarity of an item the lexical reading found as a winner or among a choice (not a mere suggestion).</summary>
    [Range(0.0, 1.0)]
    public double LexicalBonus { get; set; } = 0.05;
}
