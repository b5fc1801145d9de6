using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;

namespace ShippingApi
{
    [LambdaStartup]
    public class Startup
    {
        public void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<IRateTable, RateTable>();
        }
    }
}
