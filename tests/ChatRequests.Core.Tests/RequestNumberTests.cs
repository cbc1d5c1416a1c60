using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests;

public class RequestNumberTests
{
    [Theory]
    [InlineData(1, "REQ-000001")]
    [InlineData(42, "REQ-000042")]
    [InlineData(999999, "REQ-999999")]
    [InlineData(1234567, "REQ-1234567")]
    public void Format_PadsToSixDigits(long number, string expected)
    {
        Assert.Equal(expected, RequestNumber.Format(number));
    }

    [Theory]
    [InlineData("REQ-000042", "REQ-000042")]
    [InlineData("status of req-42?", "REQ-000042")]
    [InlineData("what about REQ42", "REQ-000042")]
    [InlineData("cancel req 42 please", "REQ-000042")]
    [InlineData("where is #42", "REQ-000042")]
    [InlineData("#7", "REQ-000007")]
    [InlineData("Req-0001234567", "REQ-1234567")]
    [InlineData("Req.000118", "REQ-000118")]
    [InlineData("request number 4410", "REQ-004410")]
    [InlineData("ticket no. 55 please", "REQ-000055")]
    [InlineData("request 000145 status", "REQ-000145")]
    [InlineData("ticket 2231 update?", "REQ-002231")]
    [InlineData("request 4410", "REQ-004410")]
    [InlineData("request 4410?", "REQ-004410")]
    [InlineData("request 4410 status", "REQ-004410")]
    [InlineData("Request 4410 is still open", "REQ-004410")]
    [InlineData("status of request 2000 business cards", "REQ-002000")]
    [InlineData("I want to check request 4410", "REQ-004410")]
    [InlineData("please request 3000 flyers like my request 004410", "REQ-004410")]
    [InlineData("where is req#6140 at", "REQ-006140")]
    [InlineData("ref 8834 - update?", "REQ-008834")]
    [InlineData("can you check ref 8834", "REQ-008834")]
    public void FindIn_FindsTheNumberInFreeText(string text, string expected)
    {
        Assert.Equal(expected, RequestNumber.FindIn(text));
    }

    [Theory]
    [InlineData("I need a laptop")]
    [InlineData("REQ-0")]
    [InlineData("REQ-000000")]
    [InlineData("request 42")]
    [InlineData("request 42 laptops")]
    [InlineData("request no longer needed")]
    [InlineData("request 2000 business cards")]
    [InlineData("Request 1500 flyers please")]
    [InlineData("hi, request 2500 envelopes")]
    [InlineData("I'd like to request 2000 business cards")]
    [InlineData("we’d request 1200 lanyards")]
    [InlineData("can I request 5000 stickers for the launch")]
    [InlineData("invoice ref 4432 won't post")]
    [InlineData("our ref 4432 for the fine")]
    [InlineData("referee 4432")]
    [InlineData("PREQ-42")]
    [InlineData("C#42")]
    [InlineData("##42")]
    [InlineData("REQ-1234567890")]
    [InlineData("")]
    public void FindIn_ReturnsNullWithoutARequestNumber(string text)
    {
        Assert.Null(RequestNumber.FindIn(text));
    }
}
