namespace ChatRequests.SentenceEncoding;

/// <summary>
/// A sentence read by <see cref="EncoderSession.EncodeTokens"/>: its pooled vector (as <see cref="EncoderSession.Encode"/>
/// gives it) and, from the same inference, each WordPiece token with its contextual vector scaled to unit length (ADR 0086).
/// </summary>
/// <param name="Pooled">The sentence vector, unit length.</param>
/// <param name="Tokens">The tokens in order, [CLS] first and [SEP] last; a word's continuation pieces start with "##".</param>
/// <param name="Vectors">Each token's vector, unit length, in the order of <paramref name="Tokens"/>.</param>
public sealed record TokenVectors(float[] Pooled, string[] Tokens, float[][] Vectors);
