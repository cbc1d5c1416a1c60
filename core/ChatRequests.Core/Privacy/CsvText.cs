using System.Text;

namespace ChatRequests.Core.Privacy;

/// <summary>
/// CSV as RFC 4180 writes it, safe to open in a spreadsheet: a value starting with = + - @ (or a tab or carriage return)
/// is a formula to Excel and LibreOffice, so it gets a leading apostrophe (OWASP's advice on CSV injection); every value
/// people typed goes through here.
/// </summary>
public static class CsvText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    /// <summary>One cell: neutralised, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = FormulaStarts.Contains(value[0]) ? "'" + value : value;
        return text.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>A whole file: the header, then one line per row, CRLF line ends.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', header.Select(Cell))).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        }

        return csv.ToString();
    }
}
