namespace Amazon.Lambda.AspNetCoreServer
{
    /// <summary>Indicates how response content from a controller action should be treated, possibly requiring a transformation.</summary>
    public enum ResponseContentEncoding
    {
        /// <summary>Indicates the response content should already be UTF-8-friendly and should be returned without any further transformation or encoding.</summary>
        Default = 0,

        /// <summary>Indicates the response content should be Base64 encoded before being returned.</summary>
        Base64,
    }
}
