using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>Two sentence models read as one in the evaluation (ADR 0071): a dot product is the weighted mean of their cosines.</summary>
public sealed class PairedEncoderTests
{
    private static readonly string[] Texts = ["a new laptop", "Laptop. A portable computer.", "docking station", "my screen flickers"];

    [Theory]
    [InlineData(0.5f)]
    [InlineData(0.3f)]
    public void ADotProduct_IsTheWeightedMeanOfTheTwoModelsCosines(float firstWeight)
    {
        var (first, second) = (new SeededEncoder(1, "q: "), new SeededEncoder(2, ""));
        var pair = new PairedEncoder(first, second, firstWeight);

        foreach (var message in Texts)
        {
            foreach (var passage in Texts)
            {
                var expected = (firstWeight * Vectors.Dot(first.EncodeQuery(message), first.Encode(passage)))
                    + ((1 - firstWeight) * Vectors.Dot(second.EncodeQuery(message), second.Encode(passage)));
                Assert.Equal(expected, Vectors.Dot(pair.EncodeQuery(message), pair.Encode(passage)), 1e-5f);
            }
        }
    }

    [Fact]
    public void AText_IsAUnitVectorOfBothModelsWidths()
    {
        var pair = new PairedEncoder(new SeededEncoder(1, "q: "), new SeededEncoder(2, ""), 0.3f);

        var vector = pair.EncodeQuery("a new laptop");

        Assert.Equal(pair.Dimensions, vector.Length);
        Assert.Equal(16, vector.Length);
        Assert.Equal(1f, Vectors.Dot(vector, vector), 1e-5f);
    }

    [Fact]
    public void Senses_AreThoseFittedForItsWeight_AndNoneForAWeightNotFitted()
    {
        var (first, second) = (new SeededEncoder(1, "q: "), new SeededEncoder(2, ""));

        var mean = new PairedEncoder(first, second).Senses;
        var mostlyArctic = new PairedEncoder(first, second, float.Parse("0.3", System.Globalization.CultureInfo.InvariantCulture)).Senses;
        var unfitted = new PairedEncoder(first, second, 0.4f).Senses;

        Assert.Equal(PairedEncoder.FittedSenses[0.5f], mean);
        Assert.Equal(PairedEncoder.FittedSenses[0.3f], mostlyArctic);
        Assert.NotEqual(mean, mostlyArctic);
        Assert.Null(unfitted);
    }

    /// <summary>A model as a fixed unit vector per text (by its seed), a query read with its prefix as a retrieval model reads it.</summary>
    private sealed class SeededEncoder(int seed, string queryPrefix) : ISentenceEncoder
    {
        public string Model => $"seeded-{seed}";

        public int Dimensions => 8;

        public float[] Encode(string text)
        {
            // A stable seed (string.GetHashCode and HashCode.Combine differ from process to process).
            var random = new Random(text.Aggregate(seed, (hash, c) => unchecked((hash * 31) + c)));
            var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            var norm = MathF.Sqrt(Vectors.Dot(vector, vector));
            return [.. vector.Select(v => v / norm)];
        }

        public float[] EncodeQuery(string text) => Encode(queryPrefix + text);
    }
}
