namespace ChatRequests.Cards.Templating;

/// <summary>A card template is malformed or uses something outside the supported templating subset.</summary>
public sealed class TemplateException(string message) : Exception(message);
