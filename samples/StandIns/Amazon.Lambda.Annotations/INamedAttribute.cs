namespace Amazon.Lambda.Annotations
{
    /// <summary>An attribute that maps a parameter to a named value of the request.</summary>
    public interface INamedAttribute
    {
        /// <summary>Name of the value.</summary>
        string Name { get; set; }
    }
}
