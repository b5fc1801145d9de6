namespace CatalogApi
{
    /// <summary>Identifies the execution environment that served a response (the x-served-by header).</summary>
    public sealed class InstanceIdentity
    {
        public InstanceIdentity(string id)
        {
            Id = id;
        }

        public string Id { get; }
    }
}
