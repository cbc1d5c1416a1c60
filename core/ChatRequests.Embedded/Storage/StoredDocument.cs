namespace ChatRequests.Embedded.Storage;

/// <summary>
/// How a JSON document column (<c>doc</c>) is written: the serializer's UTF-8 bytes bound as <c>$doc</c>, a blob (what
/// Microsoft.Data.Sqlite binds a byte array as), and cast to text, which in a UTF-8 database takes the bytes as they are.
/// The column holds TEXT as before (json_extract, the stores' readers and older versions read it so), without the UTF-16
/// string of twice the size the serializer wrote and Microsoft.Data.Sqlite transcoded back to UTF-8 to bind.
/// </summary>
internal static class StoredDocument
{
    /// <summary>The value to write in a statement that binds the document as <c>$doc</c>.</summary>
    public const string AsText = "CAST($doc AS TEXT)";
}
