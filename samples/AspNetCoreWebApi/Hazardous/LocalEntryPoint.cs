using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace OrdersApi;

/// <summary>Runs the API locally on Kestrel; never used in Lambda.</summary>
public class LocalEntryPoint
{
    public static void Main(string[] args)
    {
        CreateHostBuilder(args).Build().Run();
    }

    public static IHostBuilder CreateHostBuilder(string[] args) =>
        Host.CreateDefaultBuilder(args)
            .ConfigureWebHostDefaults(webBuilder =>
            {
                webBuilder.UseStartup<Startup>();
            });
}
