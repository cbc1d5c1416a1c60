using System.Text;

namespace ChatRequests.LoadDriver;

/// <summary>
/// Just enough of the protobuf wire format to count repeated message fields along a path of field numbers (OTLP's
/// nesting) and read the values of a few, without the generated types: varints, fixed 32/64-bit values and
/// length-delimited fields.
/// </summary>
internal static class Protobuf
{
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    /// <summary>One field of a message: its number, wire type, and its value (a number) or where its bytes are.</summary>
    internal readonly record struct Field(int Number, int WireType, ulong Value, int Start, int Length)
    {
        public bool IsBytes => WireType == LengthDelimited;

        public bool IsFixed64 => WireType == Fixed64;
    }

    /// <summary>How many fields the path reaches: <c>[1, 2, 2]</c> counts every field 2 of every field 2 of every field 1.</summary>
    public static long CountAt(ReadOnlySpan<byte> message, ReadOnlySpan<int> path)
    {
        long count = 0;
        foreach (var field in Fields(message))
        {
            if (field.IsBytes && field.Number == path[0])
            {
                count += path.Length == 1 ? 1 : CountAt(message.Slice(field.Start, field.Length), path[1..]);
            }
        }

        return count;
    }

    /// <summary>The length-delimited fields numbered <paramref name="number"/> (sub-messages, strings), as ranges of the message.</summary>
    public static IEnumerable<Range> Messages(ReadOnlySpan<byte> message, int number) =>
        Fields(message).Where(f => f.IsBytes && f.Number == number).Select(f => new Range(f.Start, f.Start + f.Length)).ToList();

    /// <summary>The string field numbered <paramref name="number"/>, or null.</summary>
    public static string? String(ReadOnlySpan<byte> message, int number) =>
        Fields(message).LastOrDefault(f => f.IsBytes && f.Number == number) is { IsBytes: true } f
            ? Encoding.UTF8.GetString(message.Slice(f.Start, f.Length))
            : null;

    /// <summary>The fixed 64-bit field numbered <paramref name="number"/> (a double or sfixed64 by the schema), or null.</summary>
    public static ulong? Fixed64Value(ReadOnlySpan<byte> message, int number) =>
        Fields(message).LastOrDefault(f => f.IsFixed64 && f.Number == number) is { IsFixed64: true } f ? f.Value : null;

    private static List<Field> Fields(ReadOnlySpan<byte> message)
    {
        var fields = new List<Field>();
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message, ref position);
            var number = (int)(key >> 3);
            var wireType = (int)(key & 7);
            switch (wireType)
            {
                case Varint:
                    fields.Add(new Field(number, wireType, ReadVarint(message, ref position), 0, 0));
                    break;
                case Fixed64:
                    fields.Add(new Field(number, wireType, BitConverter.ToUInt64(message.Slice(position, 8)), 0, 0));
                    position += 8;
                    break;
                case Fixed32:
                    fields.Add(new Field(number, wireType, BitConverter.ToUInt32(message.Slice(position, 4)), 0, 0));
                    position += 4;
                    break;
                case LengthDelimited:
                    var length = checked((int)ReadVarint(message, ref position));
                    fields.Add(new Field(number, wireType, 0, position, length));
                    position += length;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {wireType} at byte {position}.");
            }
        }

        return fields;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("A protobuf varint longer than 10 bytes.");
    }
}
