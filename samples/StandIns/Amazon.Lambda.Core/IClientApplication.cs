namespace Amazon.Lambda.Core
{
    /// <summary>Information about the client application that invoked the Lambda function.</summary>
    public interface IClientApplication
    {
        /// <summary>Application package name.</summary>
        string AppPackageName { get; }

        /// <summary>Application title.</summary>
        string AppTitle { get; }

        /// <summary>Application version code.</summary>
        string AppVersionCode { get; }

        /// <summary>Application version name.</summary>
        string AppVersionName { get; }

        /// <summary>Client installation id.</summary>
        string InstallationId { get; }
    }
}
