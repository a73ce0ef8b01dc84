print("Hello from Tandem's sandbox!")
