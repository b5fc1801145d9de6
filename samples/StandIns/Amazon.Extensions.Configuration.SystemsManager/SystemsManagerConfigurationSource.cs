using System;
using System.Collections.Generic;
using Amazon.Extensions.NETCore.Setup;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Configuration;

namespace Amazon.Extensions.Configuration.SystemsManager
{
    /// <summary>What every Systems Manager configuration source has in common.</summary>
    public interface ISystemsManagerConfigurationSource : IConfigurationSource
    {
        bool Optional { get; set; }

        TimeSpan? ReloadAfter { get; set; }

        Action<SystemsManagerExceptionContext> OnLoadException { get; set; }
    }

    /// <summary>Parameter Store parameters under a path (or by name), read with decryption.</summary>
    public class SystemsManagerConfigurationSource : ISystemsManagerConfigurationSource
    {
        public SystemsManagerConfigurationSource()
        {
            Filters = new List<ParameterStringFilter>();
        }

        public string Path { get; set; }

        public AWSOptions AwsOptions { get; set; }

        public bool Optional { get; set; }

        public TimeSpan? ReloadAfter { get; set; }

        public string Prefix { get; set; }

        public Action<SystemsManagerExceptionContext> OnLoadException { get; set; }

        public IParameterProcessor ParameterProcessor { get; set; }

        public List<ParameterStringFilter> Filters { get; }

        public IEnumerable<string> ParameterNames { get; set; }

        public IConfigurationProvider Build(IConfigurationBuilder builder) => new SystemsManagerConfigurationProvider(this);
    }

    /// <summary>Turns the parameters read into configuration keys and values.</summary>
    public interface IParameterProcessor
    {
        IDictionary<string, string> ProcessParameters(IEnumerable<Parameter> parameters, string path);
    }

    /// <summary>What a failed load reports; <see cref="Ignore"/> swallows the failure.</summary>
    public class SystemsManagerExceptionContext
    {
        public IConfigurationProvider Provider { get; set; }

        public Exception Exception { get; set; }

        public bool Ignore { get; set; }

        public bool Reload { get; set; }
    }

    /// <summary>
    /// The provider the sources build. Outside AWS the stand-in loads nothing; the real provider reads the parameters
    /// (or the AppConfig profile) in <c>Load()</c>, that is when the configuration is built or reloaded.
    /// </summary>
    public class SystemsManagerConfigurationProvider : ConfigurationProvider
    {
        public SystemsManagerConfigurationProvider(SystemsManagerConfigurationSource source)
        {
        }

        public SystemsManagerConfigurationProvider(AppConfig.AppConfigConfigurationSource source)
        {
        }

        public void WaitForReloadToComplete(TimeSpan timeout)
        {
        }

        public override void Load()
        {
        }
    }
}
