using System;
using System.Net.Http;
using Amazon.Extensions.Configuration.SystemsManager;
using Amazon.Extensions.Configuration.SystemsManager.AppConfig;
using Amazon.Extensions.NETCore.Setup;

namespace Amazon.Extensions.Configuration.SystemsManager.AppConfig
{
    /// <summary>An AWS AppConfig configuration profile, read through the AppConfig data API or the AppConfig Lambda extension.</summary>
    public class AppConfigConfigurationSource : ISystemsManagerConfigurationSource
    {
        public string ApplicationId { get; set; }

        public string EnvironmentId { get; set; }

        public string ConfigProfileId { get; set; }

        public AWSOptions AwsOptions { get; set; }

        public bool Optional { get; set; }

        public TimeSpan? ReloadAfter { get; set; }

        public HttpClient CustomHttpClientForLambdaExtension { get; set; }

        public Action<SystemsManagerExceptionContext> OnLoadException { get; set; }

        public Microsoft.Extensions.Configuration.IConfigurationProvider Build(Microsoft.Extensions.Configuration.IConfigurationBuilder builder)
            => new SystemsManagerConfigurationProvider(this);
    }
}

namespace Microsoft.Extensions.Configuration
{
    /// <summary>Adds an AWS AppConfig configuration profile to a configuration builder.</summary>
    public static class AppConfigExtensions
    {
        public static IConfigurationBuilder AddAppConfig(this IConfigurationBuilder builder, string applicationId, string environmentId, string configProfileId, AWSOptions awsOptions, bool optional, TimeSpan? reloadAfter)
            => builder.AddAppConfig(Source(applicationId, environmentId, configProfileId, awsOptions, optional, reloadAfter));

        public static IConfigurationBuilder AddAppConfig(this IConfigurationBuilder builder, string applicationId, string environmentId, string configProfileId, AWSOptions awsOptions, bool optional)
            => builder.AddAppConfig(Source(applicationId, environmentId, configProfileId, awsOptions, optional, null));

        public static IConfigurationBuilder AddAppConfig(this IConfigurationBuilder builder, string applicationId, string environmentId, string configProfileId, AWSOptions awsOptions, TimeSpan? reloadAfter)
            => builder.AddAppConfig(Source(applicationId, environmentId, configProfileId, awsOptions, false, reloadAfter));

        public static IConfigurationBuilder AddAppConfig(this IConfigurationBuilder builder, string applicationId, string environmentId, string configProfileId, AWSOptions awsOptions)
            => builder.AddAppConfig(Source(applicationId, environmentId, configProfileId, awsOptions, false, null));

        public static IConfigurationBuilder AddAppConfig(this IConfigurationBuilder builder, string applicationId, string environmentId, string configProfileId, bool optional, TimeSpan? reloadAfter)
            => builder.AddAppConfig(Source(applicationId, environmentId, configProfileId, null, optional, reloadAfter));

        public static IConfigurationBuilder AddAppConfig(this IConfigurationBuilder builder, string applicationId, string environmentId, string configProfileId, TimeSpan? reloadAfter)
            => builder.AddAppConfig(Source(applicationId, environmentId, configProfileId, null, false, reloadAfter));

        public static IConfigurationBuilder AddAppConfig(this IConfigurationBuilder builder, string applicationId, string environmentId, string configProfileId, bool optional)
            => builder.AddAppConfig(Source(applicationId, environmentId, configProfileId, null, optional, null));

        public static IConfigurationBuilder AddAppConfig(this IConfigurationBuilder builder, string applicationId, string environmentId, string configProfileId)
            => builder.AddAppConfig(Source(applicationId, environmentId, configProfileId, null, false, null));

        public static IConfigurationBuilder AddAppConfig(this IConfigurationBuilder builder, AppConfigConfigurationSource source)
            => builder.Add(source);

        private static AppConfigConfigurationSource Source(string applicationId, string environmentId, string configProfileId, AWSOptions awsOptions, bool optional, TimeSpan? reloadAfter)
            => new AppConfigConfigurationSource
            {
                ApplicationId = applicationId,
                EnvironmentId = environmentId,
                ConfigProfileId = configProfileId,
                AwsOptions = awsOptions,
                Optional = optional,
                ReloadAfter = reloadAfter,
            };
    }

    /// <summary>Adds an AWS AppConfig configuration profile read through the AppConfig Lambda extension.</summary>
    public static class AppConfigForLambdaExtensions
    {
        public static IConfigurationBuilder AddAppConfigUsingLambdaExtension(this IConfigurationBuilder builder, string applicationId, string environmentId, string configProfileId, bool optional)
            => builder.AddAppConfigUsingLambdaExtension(new AppConfigConfigurationSource { ApplicationId = applicationId, EnvironmentId = environmentId, ConfigProfileId = configProfileId, Optional = optional });

        public static IConfigurationBuilder AddAppConfigUsingLambdaExtension(this IConfigurationBuilder builder, string applicationId, string environmentId, string configProfileId)
            => builder.AddAppConfigUsingLambdaExtension(applicationId, environmentId, configProfileId, false);

        public static IConfigurationBuilder AddAppConfigUsingLambdaExtension(this IConfigurationBuilder builder, AppConfigConfigurationSource source)
            => builder.Add(source);
    }
}
