using System.Globalization;

namespace ChatRequests.Testing;

/// <summary>The option parsing the bench programs (load driver, soak) share: "--name value" or "--name=value", whole numbers in a range.</summary>
public static class CommandLine
{
    /// <summary>Splits "--name=value" into its name and value; "--name" alone has no value yet.</summary>
    public static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=');
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    public static int Number(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'.");
}
