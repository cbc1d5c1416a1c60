namespace ChatRequests.SentenceEncoding.Tests;

/// <summary>
/// A sentence's token vectors (ADR 0086): from the inference that pools it, its pooled vector exactly <see cref="EncoderSession.Encode"/>'s,
/// and each WordPiece token with its own unit vector.
/// </summary>
public sealed class TokenVectorsTests(EncoderModels models) : IClassFixture<EncoderModels>
{
    private const string Sentence = "the telly in the day room has no picture";

    [Fact]
    public void EncodeTokens_PoolsAsEncodeDoes()
    {
        var read = models.Slim.EncodeTokens(Sentence);

        Assert.Equal(models.Slim.Encode(Sentence), read.Pooled);
    }

    [Fact]
    public void EncodeTokens_GivesEachWordPieceTokenBetweenClsAndSep_WithAUnitVector()
    {
        var read = models.Slim.EncodeTokens(Sentence);

        Assert.Equal("[CLS]", read.Tokens[0]);
        Assert.Equal("[SEP]", read.Tokens[^1]);
        Assert.Contains("room", read.Tokens);
        Assert.Equal(read.Tokens.Length, read.Vectors.Length);
        Assert.All(read.Vectors, v => Assert.Equal(1f, EncoderModels.Cosine(v, v), 4));
    }

    [Fact]
    public void EncodeTokens_OfTheSameWordInAnotherSentence_GivesAnotherVector()
    {
        var here = models.Slim.EncodeTokens("the day room");
        var there = models.Slim.EncodeTokens("book a meeting room");

        var (a, b) = (here.Vectors[Array.IndexOf(here.Tokens, "room")], there.Vectors[Array.IndexOf(there.Tokens, "room")]);
        Assert.InRange(EncoderModels.Cosine(a, b), 0.3f, 0.999f);
    }
}
